"""Content as data: reading, validating, loading and writing the YAML files in fixtures/."""
