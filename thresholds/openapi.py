"""This app's part of the OpenAPI document (see portal/openapi.py)."""

PATHS: dict = {}
SCHEMAS: dict = {}
