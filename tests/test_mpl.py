"""ranges.mpl: matplotlib imported without building set() help text, and nothing else changed."""

import subprocess
import sys

_CHECK = r"""
import ranges.mpl as mpl
from matplotlib.figure import Figure
from matplotlib.text import Text
import matplotlib.artist as artist

assert mpl.SKIPPED_HELP, "a fresh process should skip the help text"
# matplotlib's own method is back, so classes made later get their help text
assert isinstance(artist.Artist.__dict__["_update_set_signature_and_docstring"], classmethod)
assert artist.Artist._update_set_signature_and_docstring.__func__.__module__ == "matplotlib.artist"

class Later(artist.Artist):
    pass

assert Later.set.__doc__.startswith("Set multiple properties"), Later.set.__doc__
assert "visible" in str(__import__("inspect").signature(Later.set))

# set() works with properties and aliases on the classes loaded quickly
t = Text(0, 0, "Kursk")
t.set(c="blue", fontsize=9, visible=False)  # c: an alias of color
assert t.get_color() == "blue" and t.get_fontsize() == 9 and not t.get_visible()
try:
    t.set(no_such_property=1)
except AttributeError:
    pass
else:
    raise AssertionError("an unknown property must still be refused")
fig = Figure()
fig.text(0.5, 0.5, "x").set(alpha=0.5)
print("ok")
"""

_AFTER = r"""
import matplotlib.figure  # imported first, the ordinary way
import ranges.mpl as mpl
from matplotlib.text import Text

assert not mpl.SKIPPED_HELP
assert Text.set.__doc__.startswith("Set multiple properties")
print("ok")
"""


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_fresh_import_skips_help_text_and_set_still_works():
    assert _run(_CHECK) == "ok"


def test_matplotlib_imported_before_is_left_alone():
    assert _run(_AFTER) == "ok"


def test_render_package_imports_it_first():
    code = "import ranges.render, ranges.mpl; assert ranges.mpl.SKIPPED_HELP; print('ok')"
    assert _run(code) == "ok"


def test_docstrings_made_later_get_their_property_lists():
    code = (
        "import ranges.mpl\n"
        "from matplotlib import _docstring\n"
        "lists = _docstring.interpd.params\n"
        "assert not any(v == '' for k, v in lists.items() if k.endswith(':kwdoc'))\n"
        "@_docstring.interpd\n"
        "def f():\n"
        "    '''%(Line2D:kwdoc)s'''\n"
        "assert 'linewidth' in f.__doc__, f.__doc__\n"
        "print('ok')\n"
    )
    assert _run(code) == "ok"
