"""`python -m newsprism`: the same command line as `newsprism`."""
from .cli import main

main()
