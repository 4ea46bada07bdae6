from django.conf import settings
from django.http import HttpRequest

SERVICE_NAME = "Threshold guidance for Coventry and Warwickshire"

# The main navigation: (label, path). A page under a path marks that item current.
NAVIGATION = [
    ("Need tables", "/thresholds/"),
    ("Which level?", "/which-level/"),
    ("Contacts", "/contacts/"),
    ("Ready to refer?", "/ready-to-refer/"),
]


def site(request: HttpRequest) -> dict:
    return {
        "service_name": SERVICE_NAME,
        "navigation": [
            {"label": label, "href": path, "current": request.path.startswith(path)}
            for label, path in NAVIGATION
        ],
        "exit_page_url": settings.EXIT_PAGE_URL,
    }
