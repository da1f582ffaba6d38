from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("error-reports/", views.error_report_submit, name="submit"),
    path("error-reports/token/", views.error_report_token, name="token"),
]
