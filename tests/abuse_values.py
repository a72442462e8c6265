"""The hostile values every abuse test tries (issue 6), in one place."""

HOSTILE_VALUES = {
    "ansi": "\x1b[31mred\x1b[0m",
    "bell": "\x07",
    "nul": "a\x00b",
    "emoji": "👍",
    "combining": "e\u0301",
    "flag": "🇷🇴",
    "diacritics": "Protecție Brașov ȘȚĂÂÎ",
    "exponent": "1e3",
    "thousands en": "1,234.56",
    "thousands ro": "1.234,56",
    "date min": "0001-01-01",
    "date max": "9999-12-31",
    "date invalid": "31.02.2027",
}
