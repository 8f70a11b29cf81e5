"""Publication dates as ISO 'YYYY-MM-DD', whatever form a record gives them in.

CSV and JSON dumps write dates every way ("2019-02-07T10:31:00Z", "7 February 2019",
"Feb 7, 2019", "07/02/2019"); the graph stores one form so that dates compare and sort as
strings. dateparser reads the written forms; ISO input takes a fast path."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

# Day before month for slashed dates ("07/02/2019"), as most of the world's press writes them.
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False,
             "PARSERS": ["timestamp", "absolute-time", "custom-formats"], "STRICT_PARSING": False}


@lru_cache(maxsize=4096)
def iso_date(value: str | None) -> str | None:
    """None when the value is empty or not a date: an unknown date is better than a wrong one."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import; only non-ISO dates need it

    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if parsed else None
