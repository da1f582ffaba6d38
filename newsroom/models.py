from django.db import models


class VisitorSalt(models.Model):
    """
    The day's random salt of the visitor hash (newsroom/visitors.py).

    Kept in the database, which every web process shares and which outlives any
    cache, so that all processes hash a reader alike all day, however they start.
    Only the current day's row is kept: an older one is deleted when a new day's
    is made, so hashes of past days cannot be linked to readers.
    """

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    class Meta:
        verbose_name = "visitor salt"

    def __str__(self):
        return self.day.isoformat()
