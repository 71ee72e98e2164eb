"""Words English uses for dates and numbers, with the patterns and small parsers built on them.

The lowest layer of newsprism: it imports nothing from the rest of the package, so that reading
(`clean/`), extracting (`extract/`) and aligning (`align/`) share one table of month names, one
ISO-prefix pattern and one number-word parser.
"""
