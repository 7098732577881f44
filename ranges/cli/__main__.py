"""``python -m ranges.cli``: run ``strike-range``."""

import sys

from . import main

sys.exit(main())
