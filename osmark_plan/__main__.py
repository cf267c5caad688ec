from .cli_exit import console

console()
