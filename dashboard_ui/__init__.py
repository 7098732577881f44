"""The Streamlit dashboard's user interface, split out of ``app.py``.

``app.py`` stays the entry point (``streamlit run app.py``) and keeps the
cache wrappers, keyed on plain values; it hands them to this package with
:func:`dashboard_ui.resources.bind` before drawing anything.  The modules:

``resources``
    the cache wrappers of ``app.py`` as the other modules call them;
``state``
    session state <-> scenario, the page's first run (link and presets);
``callbacks``
    the widgets' callbacks (they run before the script body);
``sidebar``
    the controls;
``panels``
    legend, headlines, answers (tables and sources), export and share panels.

Unlike ``ranges/``, this package imports Streamlit.
"""
