"""Tests for ranges.coords: human "lat, lon" text in, (lon, lat) out."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ranges.coords import format_latlon, looks_like_coordinates, parse_latlon
from ranges.errors import CoordinateError, InputError

SUMY = (34.7981, 50.9077)  # (lon, lat)
DMS_LAT = 50 + 54 / 60 + 28 / 3600  # 50°54′28″ = 50.907777...
DMS_LON = 34 + 47 / 60 + 53 / 3600  # 34°47′53″ = 34.798055...


def assert_point(result, lon, lat):
    assert result == pytest.approx((lon, lat), abs=1e-12)


# -- accepted forms -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "50.9077, 34.7981",
        "50.9077,34.7981",
        "50.9077 34.7981",
        "50.9077; 34.7981",
        "  50.9077 ,\t34.7981  ",
        "+50.9077, +34.7981",
        "50.9077N, 34.7981E",
        "50.9077N 34.7981E",
        "50.9077N34.7981E",
        "N50.9077 E34.7981",
        "N 50.9077, E 34.7981",
        "50.9077 N 34.7981 E",
        "50.9077 n 34.7981 e",
        "n50.9077 e34.7981",
        "50.9077° N, 34.7981° E",
        "50.9077°, 34.7981°",
        "50.9077N 34.7981",
        "50.9077 34.7981E",
        "N50.9077 34.7981",
        "50.9077\u00a034.7981",
    ],
)
def test_decimal_degree_forms_give_lon_lat_order(text):
    assert_point(parse_latlon(text), *SUMY)


@pytest.mark.parametrize(
    "text",
    ["34.7981E 50.9077N", "E34.7981 N50.9077", "34.7981 E, 50.9077 N", "34.7981E, 50.9077"],
)
def test_longitude_first_is_honoured_when_letters_say_so(text):
    assert_point(parse_latlon(text), *SUMY)


@pytest.mark.parametrize(
    ("text", "lon", "lat"),
    [
        ("50.9077S, 34.7981W", -34.7981, -50.9077),
        ("s50.9077 w34.7981", -34.7981, -50.9077),
        ("34.7981W 50.9077S", -34.7981, -50.9077),
        ("50.9077S 34.7981E", 34.7981, -50.9077),
        ("-50.9077, -34.7981", -34.7981, -50.9077),
        ("\u221250.9077, \u221234.7981", -34.7981, -50.9077),
        ("\u221250.9077 \u221234.7981", -34.7981, -50.9077),
    ],
)
def test_south_west_and_minus_signs_give_negative_values(text, lon, lat):
    assert_point(parse_latlon(text), lon, lat)


@pytest.mark.parametrize(
    "text",
    [
        "50°54′28″N 34°47′53″E",
        "50°54′28″N, 34°47′53″E",
        "50°54'28\"N 34°47'53\"E",
        "50° 54′ 28″ N, 34° 47′ 53″ E",
        "N50°54′28″ E34°47′53″",
        "50 54 28 N 34 47 53 E",
        "50 54 28, 34 47 53",
        "50 54 28 34 47 53",
        "50°54′28″ 34°47′53″",
        "50º54’28”N 34º47’53”E",
        "50°54'28''N 34°47'53''E",
    ],
)
def test_degrees_minutes_seconds_forms(text):
    assert_point(parse_latlon(text), DMS_LON, DMS_LAT)


def test_dms_value_is_exact_sum_of_parts():
    lon, lat = parse_latlon("50°54′28″N 34°47′53″E")
    assert lat == pytest.approx(50.907777777777777, abs=1e-12)
    assert lon == pytest.approx(34.798055555555557, abs=1e-12)


def test_dms_with_decimal_seconds():
    lon, lat = parse_latlon("50°54'28.2\"N, 34°47'53.2\"E")
    assert lat == pytest.approx(50 + 54 / 60 + 28.2 / 3600, abs=1e-12)
    assert lon == pytest.approx(34 + 47 / 60 + 53.2 / 3600, abs=1e-12)


@pytest.mark.parametrize(
    "text", ["50°54.46′N 34°47.89′E", "50 54.46 N, 34 47.89 E", "50 54.46 34 47.89"]
)
def test_degrees_decimal_minutes_forms(text):
    assert_point(parse_latlon(text), 34 + 47.89 / 60, 50 + 54.46 / 60)


def test_dms_southern_western_hemispheres_are_negative():
    assert_point(
        parse_latlon("33°51′35″S 151°12′40″E"),
        151 + 12 / 60 + 40 / 3600,
        -(33 + 51 / 60 + 35 / 3600),
    )
    assert_point(parse_latlon("-33 51 35, -70 30 0"), -70.5, -(33 + 51 / 60 + 35 / 3600))


@pytest.mark.parametrize(
    ("text", "lon", "lat"),
    [
        ("90, 180", 180.0, 90.0),
        ("-90, -180", -180.0, -90.0),
        ("0, 0", 0.0, 0.0),
        (".5, -.25", -0.25, 0.5),
        ("50., 30.", 30.0, 50.0),
    ],
)
def test_boundary_and_short_number_forms_are_accepted(text, lon, lat):
    assert parse_latlon(text) == (lon, lat)


def test_negative_zero_is_normalised_to_zero():
    lon, lat = parse_latlon("-0, -0.0")
    assert math.copysign(1, lon) == 1 and math.copysign(1, lat) == 1


# -- rejections ---------------------------------------------------------------


def rejects(text, *fragments, source="coordinate"):
    with pytest.raises(CoordinateError) as info:
        parse_latlon(text, source=source)
    message = str(info.value)
    assert "\n" not in message
    shown = text if len(text) <= 60 else text[:57] + "..."
    assert message.startswith(f"{source} {shown!r}: "), message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_latitude_out_of_range_names_value_rule_and_source():
    message = rejects("95, 30", "latitude 95 is outside -90..90", source="--launch")
    assert message.startswith("--launch '95, 30': latitude 95 is outside -90..90")


def test_swapped_lon_lat_gets_a_hint():
    rejects(
        "134.79, 50.9", "latitude 134.79 is outside -90..90", "did you swap latitude and longitude"
    )


def test_no_swap_hint_when_both_values_are_out_of_range():
    message = rejects("95, 200", "latitude 95 is outside -90..90")
    assert "swap" not in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("30, 200", "longitude 200 is outside -180..180"),
        ("30, -180.5", "longitude -180.5 is outside -180..180"),
        ("-90.0001, 0", "latitude -90.0001 is outside -90..90"),
        ("95N 30E", "latitude 95 is outside -90..90"),
        ("30E 95S", "latitude -95 is outside -90..90"),
        ("91 0 0 N, 30 E", "latitude 91 is outside -90..90"),
    ],
)
def test_out_of_range_values_are_rejected(text, fragment):
    rejects(text, fragment)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("50°60′N 34°47′E", "minutes 60 must be less than 60"),
        ("50°54′60″N 34°47′E", "seconds 60 must be less than 60"),
        ("50 75 0, 34 0 0", "minutes 75 must be less than 60"),
        ("50°54′28.5″N 34°47′59.99″E", None),
    ],
)
def test_minutes_and_seconds_must_be_below_sixty(text, fragment):
    if fragment is None:
        parse_latlon(text)  # 59.99 is fine
    else:
        rejects(text, fragment)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("nan, 30", "'nan' is not a finite number"),
        ("30, inf", "'inf' is not a finite number"),
        ("NaN NaN", "'NaN' is not a finite number"),
        ("-Infinity, 0", "'-Infinity' is not a finite number"),
        ("1e-5, 30", "exponent notation"),
    ],
)
def test_non_finite_and_exponent_numbers_are_rejected(text, fragment):
    rejects(text, fragment)


def test_huge_number_is_reported_out_of_range():
    rejects("9" * 190 + ", 0", "latitude 1e+190 is outside -90..90")


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_text_is_rejected(text):
    rejects(text, "empty", "'lat, lon'")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Sumy", "'Sumy' is not part of a coordinate"),
        ("50.9 Kharkiv", "'Kharkiv' is not part of a coordinate"),
        ("50.9 # 34.8", "unexpected character '#' at position 6"),
        ("50.9077", "only one number"),
        ("50 30 20", "cannot tell where the latitude ends"),
        ("50, 30, 20", "found 2 separators"),
        ("50,", "nothing after the separator"),
        (", 30", "nothing before the separator"),
        ("50.1 N 30.2 E 40.3 N", "found 3 coordinates"),
        ("50.1 30.2 40.3", "found 3 coordinates"),
        ("50 1 2 3, 30", "4 numbers in one coordinate"),
        ("°50, 30", "degrees mark '°' must follow a number"),
        ("50°°, 30", "degrees mark '°' must follow a number"),
        ("N E 50 30", "hemisphere letter 'N' has no number"),
        ("N50 E, 34", "two hemisphere letters 'N' and 'E' on one coordinate"),
        ("50 N 30, 20", "hemisphere letter 'N' in the middle of one coordinate"),
        ("50.5 30, 20 10", "only the last number may have decimals"),
        ("50 -30, 20", "only the degrees may carry a sign"),
        ("50°28″, 30", "marked as seconds but stands where the minutes belong"),
        ("54′, 30", "marked as minutes but stands where the degrees belong"),
        ("x" * 300, "too long"),
        ("50,9077", "decimal commas are not accepted"),
        ("50,9077, 34,7981", "decimal commas are not accepted"),
        ("50.9 NE 30", "'NE' is not part of a coordinate"),
        ("٥٠, ٣٠", "unexpected character"),
    ],
)
def test_garbage_is_rejected_with_the_rule_named(text, fragment):
    rejects(text, fragment)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("-50.9N, 34.8E", "negative sign combined with hemisphere letter 'N'"),
        ("50.9N, -34.8E", "negative sign combined with hemisphere letter 'E'"),
        ("S-50.9 E34.8", "negative sign combined with hemisphere letter 'S'"),
        ("\u221250°54′28″S 34°47′53″E", "negative sign combined with hemisphere letter 'S'"),
    ],
)
def test_minus_sign_with_hemisphere_letter_is_rejected(text, fragment):
    rejects(text, fragment)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("50N 30S", "two latitudes (N and S)"),
        ("50N, 30N", "two latitudes (N and N)"),
        ("30E 50W", "two longitudes (E and W)"),
    ],
)
def test_two_values_on_the_same_axis_are_rejected(text, fragment):
    rejects(text, fragment)


def test_long_text_is_shortened_in_the_message_but_stays_one_line():
    text = "50.9 " + "Kharkiv " * 10
    with pytest.raises(CoordinateError) as info:
        parse_latlon(text)
    assert "..." in str(info.value) and "\n" not in str(info.value)


def test_non_string_input_is_a_coordinate_error():
    with pytest.raises(CoordinateError, match="got tuple"):
        parse_latlon((50.9, 34.8))  # type: ignore[arg-type]


def test_coordinate_error_is_a_value_error_for_generic_callers():
    with pytest.raises(ValueError):
        parse_latlon("95, 30")


# -- looks_like_coordinates ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "50.9077, 34.7981",
        "  -33.9, 18.4",
        "\u221233.9, 18.4",
        "N50.9 E34.8",
        "s 33.9 e 18.4",
        "50°54′28″N 34°47′53″E",
        ".5, .5",
        "95, 30",  # looks like one; parse_latlon explains what is wrong
    ],
)
def test_looks_like_coordinates_accepts_coordinate_shaped_text(text):
    assert looks_like_coordinates(text)


@pytest.mark.parametrize(
    "text",
    ["Sumy", "Enerhodar", "Kharkiv", "Novorossiysk", "West Bank", "", "  ", "N", "-", "ёлка"],
)
def test_looks_like_coordinates_rejects_place_names(text):
    assert not looks_like_coordinates(text)


# -- format_latlon ------------------------------------------------------------


def test_format_latlon_puts_latitude_first_with_four_digits():
    assert format_latlon(34.79813, 50.90771) == "50.9077, 34.7981"


def test_format_latlon_digits_and_negative_values():
    assert format_latlon(-70.5, -33.25, digits=2) == "-33.25, -70.50"
    assert format_latlon(30, 50, digits=0) == "50, 30"


def test_format_latlon_never_prints_negative_zero():
    assert format_latlon(-0.00001, -0.0, digits=4) == "0.0000, 0.0000"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_format_latlon_rejects_non_finite_values(value):
    with pytest.raises(CoordinateError, match="not a finite number"):
        format_latlon(value, 0.0)


@pytest.mark.parametrize("digits", [-1, 16, 2.5, True])
def test_format_latlon_rejects_bad_digits(digits):
    with pytest.raises(InputError, match="digits"):
        format_latlon(0.0, 0.0, digits=digits)


def test_format_output_parses_back():
    assert parse_latlon(format_latlon(*SUMY)) == SUMY


# -- properties ---------------------------------------------------------------

latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)


@settings(max_examples=300)
@given(lon=longitudes, lat=latitudes)
def test_format_then_parse_round_trips_within_1e9_degrees(lon, lat):
    parsed_lon, parsed_lat = parse_latlon(format_latlon(lon, lat, digits=12))
    assert abs(parsed_lon - lon) <= 1e-9
    assert abs(parsed_lat - lat) <= 1e-9


@settings(max_examples=300)
@given(lon=longitudes, lat=latitudes)
def test_hemisphere_text_round_trips(lon, lat):
    text = f"{abs(lat):.10f}{'N' if lat >= 0 else 'S'} {abs(lon):.10f}{'E' if lon >= 0 else 'W'}"
    parsed_lon, parsed_lat = parse_latlon(text)
    assert abs(parsed_lon - lon) <= 1e-9
    assert abs(parsed_lat - lat) <= 1e-9


def check_parse_is_total(text):
    try:
        lon, lat = parse_latlon(text)
    except CoordinateError as exc:
        assert "\n" not in str(exc)
        return
    assert math.isfinite(lon) and math.isfinite(lat)
    assert -180 <= lon <= 180 and -90 <= lat <= 90


@settings(max_examples=300)
@given(st.text())
def test_parse_of_arbitrary_text_returns_valid_point_or_coordinate_error(text):
    check_parse_is_total(text)


coordinate_alphabet = st.sampled_from(
    list("0123456789.,;+- NSEWnsewe°'\"′″º\u2212") + ["nan", "inf", "''"]
)


@settings(max_examples=300)
@given(st.lists(coordinate_alphabet, max_size=25).map("".join))
def test_parse_of_coordinate_like_text_returns_valid_point_or_coordinate_error(text):
    check_parse_is_total(text)
