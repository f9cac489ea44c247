from articlecli.cli import entry

entry()
