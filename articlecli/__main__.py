from articlecli.console import entry

entry()
