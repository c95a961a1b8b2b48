#!/usr/bin/env python
from renaksi.cli import main

if __name__ == "__main__":
    main()
