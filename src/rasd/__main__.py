"""``python -m rasd``: the command line, as the ``rasd`` command."""

import sys

from rasd.cli import main

sys.exit(main())
