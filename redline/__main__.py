"""`python -m redline` runs the command-line tool."""

from .cli import main

if __name__ == "__main__":  # not when a batch's spawned worker imports the main module
    raise SystemExit(main())
