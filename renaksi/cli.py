"""The `renaksi` console command: Django's management commands under the project's name.

`renaksi migrate`, `renaksi runserver`, `renaksi import …`, `renaksi periksa …`; `renaksi check` stays Django's.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    argv[0] = "renaksi"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
