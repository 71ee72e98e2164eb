from . import write_schema

print(write_schema())
