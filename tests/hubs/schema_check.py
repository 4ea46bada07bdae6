"""A small OpenAPI 3.0 schema checker for the tests: enough of JSON Schema for hubs/openapi.py
(types, nullable, enum, required, additionalProperties: false, items, pattern, minimum,
maximum, oneOf, $ref, format: uuid). It returns every problem, each with its path."""

import re
import uuid

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "integer": int, "number": (int, float)}


def problems(value, schema: dict, components: dict, where: str = "$") -> list[str]:
    if "$ref" in schema:
        return problems(value, components[schema["$ref"].rsplit("/", 1)[-1]], components, where)
    if value is None:
        return [] if schema.get("nullable") else [f"{where}: null is not allowed"]
    if "oneOf" in schema:
        matches = [s for s in schema["oneOf"] if not problems(value, s, components, where)]
        return [] if len(matches) == 1 else [f"{where}: matches {len(matches)} of oneOf"]
    kind = schema.get("type")
    if kind:
        is_bool = isinstance(value, bool)
        if not isinstance(value, TYPES[kind]) or (is_bool and kind != "boolean"):
            return [f"{where}: {value!r} is not {kind}"]
    found = []
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if schema.get("format") == "uuid":
            try:
                uuid.UUID(value)
            except ValueError:
                found.append(f"{where}: {value!r} is not a UUID")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            found.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            found.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{where}: missing '{name}'" for name in schema.get("required", []) if name not in value]
        if schema.get("additionalProperties") is False:
            found += [f"{where}: unexpected '{name}'" for name in value if name not in properties]
        for name, item in value.items():
            if name in properties:
                found += problems(item, properties[name], components, f"{where}.{name}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], components, f"{where}[{index}]")
    return found
