import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django.setup(set_prefix=False)

from newsroom.middleware import NewsroomWSGIHandler  # noqa: E402 (needs settings)

# Django's handler, with a request class that refuses unknown charsets safely.
application = NewsroomWSGIHandler()
