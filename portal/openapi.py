"""The OpenAPI document for /api/v1/, assembled from each app's part (its `openapi.py`)."""

from django.http import HttpRequest, JsonResponse

INFO = {
    "title": "Threshold guidance portal API",
    "version": "1.0.0",
    "description": (
        "Read-only access to Coventry's Right Help, Right Time and Warwickshire's Spectrum of "
        "Support: frameworks, levels, domains and indicators; search; the 'Which level?' rules; "
        "contacts. Errors are JSON objects with a `detail` message."
    ),
}

ERROR = {
    "description": "Bad request",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
NOT_FOUND = {
    "description": "Not found",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def document() -> dict:
    from hubs import openapi as hubs_api
    from thresholds import openapi as thresholds_api

    paths, schemas = {}, {"Error": {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}}
    for part in (thresholds_api, hubs_api):
        paths.update(part.PATHS)
        schemas.update(part.SCHEMAS)
    return {
        "openapi": "3.0.3",
        "info": INFO,
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def openapi_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(document(), json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response
