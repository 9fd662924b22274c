"""The job-ad check, the job-ad builder and the guide."""

from django.http import HttpResponse


def check(request):
    return HttpResponse("")


def builder(request, slug):
    return HttpResponse("")
