"""The floor of ``bench_dashboard.py``'s browser part: a bare Streamlit page with
a title, one line of text marked as a headline and one pydeck polygon, no base
map (``streamlit run benchmarks/floor_app.py``).  Nothing a page with a map can
do is faster than this on the same machine and browser."""

import pydeck as pdk
import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
st.markdown("## Floor")
st.markdown('<div data-testid="headline">One polygon.</div>', unsafe_allow_html=True)
square = [[30.0, 49.0], [36.0, 49.0], [36.0, 53.0], [30.0, 53.0]]
st.pydeck_chart(
    pdk.Deck(
        layers=[pdk.Layer("PolygonLayer", data=[{"polygon": square}], get_polygon="polygon",
                          get_fill_color=[213, 94, 0, 60], get_line_color=[213, 94, 0, 255],
                          line_width_min_pixels=2)],  # fmt: skip
        initial_view_state=pdk.ViewState(longitude=33.0, latitude=51.0, zoom=5),
        map_provider=None,  # no base map: nothing but the polygon, and no request elsewhere
    ),
    height=620,
)
