"""``reisregister``: the project's command. Wraps Django's management commands and adds ours
(``reisregister import``, ``reisregister demo``, ...)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reisregister.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # Unsafe or malformed settings: one clear line, not a traceback.
        sys.exit(f"reisregister: {exc}")


if __name__ == "__main__":
    main()
