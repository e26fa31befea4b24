"""Data in and out of the clinic: spreadsheets (CSV) and EHR bundles, read and written through
store functions. The file formats themselves are parsed and made in pure modules (no Qt, no
database)."""
