"""The thresholds part of the OpenAPI document (assembled in portal/openapi.py)."""

ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    names = {400: "Bad request", 404: "Not found"}
    return {str(code): _json(ERROR, names[code]) for code in codes}


SOURCE = {"type": "object", "required": ["file", "section"], "properties": {"file": {"type": "string"}, "section": {"type": "string"}}}
NULLABLE_STRING = {"type": "string", "nullable": True}

SCHEMAS = {
    "FrameworkSummary": {
        "type": "object",
        "required": ["slug", "name", "area", "partnership", "url", "html_url"],
        "properties": {k: {"type": "string"} for k in ("slug", "name", "area", "partnership", "url", "html_url")},
    },
    "Level": {
        "type": "object",
        "required": ["number", "id", "name", "short_name", "summary", "texts", "html_url"],
        "properties": {
            "number": {"type": "integer", "minimum": 1},
            "id": {"type": "string"},
            "name": {"type": "string"},
            "short_name": {"type": "string"},
            "summary": {"type": "string"},
            "html_url": {"type": "string"},
            "texts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kind", "heading", "body", "source"],
                    "properties": {"kind": {"type": "string"}, "heading": {"type": "string"}, "body": {"type": "string"}, "source": SOURCE},
                },
            },
        },
    },
    "Indicator": {
        "type": "object",
        "required": ["id", "text", "level", "domain", "domain_id", "parent", "source", "html_url"],
        "properties": {
            "id": {"type": "string"},
            "text": {"type": "string"},
            "level": {"type": "integer", "minimum": 1},
            "domain": NULLABLE_STRING,
            "domain_id": NULLABLE_STRING,
            "parent": NULLABLE_STRING,
            "source": SOURCE,
            "html_url": {"type": "string"},
        },
    },
    "Framework": {
        "allOf": [
            {"$ref": "#/components/schemas/FrameworkSummary"},
            {
                "type": "object",
                "required": ["next_review_due", "sources", "levels", "domains", "indicators"],
                "properties": {
                    "next_review_due": {"type": "string", "format": "date", "nullable": True},
                    "sources": {"type": "array", "items": {"type": "object", "required": ["file", "title"], "properties": {
                        "file": {"type": "string"}, "title": {"type": "string"}, "publisher": NULLABLE_STRING, "edition": NULLABLE_STRING}}},
                    "levels": {"type": "array", "items": {"$ref": "#/components/schemas/Level"}},
                    "domains": {"type": "array", "items": {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
                    "indicators": {"type": "array", "items": {"$ref": "#/components/schemas/Indicator"}},
                },
            },
        ]
    },
    "SearchResult": {
        "type": "object",
        "required": ["kind", "id", "text", "framework", "area", "level", "level_name", "domain", "domain_id", "html_url"],
        "properties": {
            "kind": {"type": "string", "enum": ["indicator", "level", "contact"]},
            "id": {"type": "string"},
            "text": {"type": "string"},
            "framework": NULLABLE_STRING,
            "area": {"type": "string"},
            "level": {"type": "integer", "nullable": True},
            "level_name": NULLABLE_STRING,
            "domain": NULLABLE_STRING,
            "domain_id": NULLABLE_STRING,
            "html_url": {"type": "string"},
        },
    },
    "SearchResults": {
        "type": "object",
        "required": ["query", "count", "results", "terms", "suggestions"],
        "properties": {
            "query": {"type": "string"},
            "count": {"type": "integer", "minimum": 0, "description": "How many results there are; `results` lists the first 100."},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/SearchResult"}},
            "terms": {"type": "array", "items": {"type": "object", "properties": {"term": {"type": "string"}, "meaning": {"type": "string"}, "framework": {"type": "string"}}}},
            "suggestions": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Assessment": {
        "type": "object",
        "required": ["framework", "level", "reasons", "strengths", "notes", "html_url"],
        "properties": {
            "framework": {"type": "string"},
            "level": {"type": "object", "required": ["number", "name", "summary"], "properties": {"number": {"type": "integer"}, "name": {"type": "string"}, "summary": {"type": "string"}}},
            "reasons": {"type": "array", "items": {"$ref": "#/components/schemas/AssessedIndicator"}},
            "strengths": {"type": "array", "items": {"$ref": "#/components/schemas/AssessedIndicator"}},
            "notes": {"type": "array", "items": {"type": "object", "required": ["rule", "text"], "properties": {"rule": {"type": "string"}, "text": {"type": "string"}}}},
            "html_url": {"type": "string"},
        },
    },
    "AssessedIndicator": {
        "type": "object",
        "required": ["id", "text", "level", "domain"],
        "properties": {"id": {"type": "string"}, "text": {"type": "string"}, "level": {"type": "integer"}, "domain": NULLABLE_STRING},
    },
}


def _query(name: str, description: str, *, required: bool = False, array: bool = False, schema: dict | None = None) -> dict:
    item = schema or {"type": "string"}
    return {
        "name": name, "in": "query", "required": required, "description": description,
        "schema": {"type": "array", "items": item} if array else item,
        **({"style": "form", "explode": True} if array else {}),
    }


PATHS = {
    "/api/v1/frameworks/": {
        "get": {
            "summary": "Every framework",
            "operationId": "listFrameworks",
            "responses": {"200": _json({"type": "array", "items": {"$ref": "#/components/schemas/FrameworkSummary"}}), **_errors(400)},
        }
    },
    "/api/v1/frameworks/{slug}/": {
        "get": {
            "summary": "A whole framework: levels, domains and indicators",
            "operationId": "getFramework",
            "parameters": [{"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": _json({"$ref": "#/components/schemas/Framework"}), **_errors(400, 404)},
        }
    },
    "/api/v1/search": {
        "get": {
            "summary": "Search indicators, levels and contacts in practitioners' words",
            "operationId": "search",
            "parameters": [
                _query("q", "Words to search for (abbreviations such as DV, CSE, MASH are understood)", required=True, schema={"type": "string", "maxLength": 200}),
                _query("framework", "A framework slug"),
                _query("level", "A level number", schema={"type": "integer", "minimum": 1}),
                _query("domain", "A domain id"),
            ],
            "responses": {"200": _json({"$ref": "#/components/schemas/SearchResults"}), **_errors(400)},
        }
    },
    "/api/v1/assess": {
        "get": {
            "summary": "The 'Which level?' rules: indicator ids in, suggested level and reasons out",
            "operationId": "assess",
            "parameters": [
                _query("framework", "A framework slug", required=True, schema={"type": "string", "minLength": 1, "maxLength": 60, "pattern": "^[a-z0-9-]+$"}),
                _query("indicator", "An indicator id; repeat for each (at most 500)", array=True),
            ],
            "responses": {"200": _json({"$ref": "#/components/schemas/Assessment"}), **_errors(400)},
        }
    },
}
