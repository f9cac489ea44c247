from articlecli.cli import main

main(prog_name="articlecli")
