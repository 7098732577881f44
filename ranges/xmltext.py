"""Text that XML 1.0 can hold, for every file format written as XML (SVG, KML).

XML 1.0 forbids the C0 control characters other than tab, line feed and
carriage return, the surrogates, and the noncharacters U+FFFE and U+FFFF; a
single one makes a parser refuse the whole file.  They carry no meaning in a
name or a title (they come from broken copy and paste), so writers drop them.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["XML_ILLEGAL", "xml_safe"]

#: One character XML 1.0 cannot hold.
XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: Any) -> str:
    """``value`` as text without the characters XML 1.0 forbids.

    Examples
    --------
    >>> xml_safe("Kursk\\ufffe region\\x01")
    'Kursk region'
    """
    return XML_ILLEGAL.sub("", str(value))
