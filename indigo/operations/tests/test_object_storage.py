"""The dossier on S3-compatible object storage (django-storages), against a real S3 API
over HTTP (moto's server on localhost): stored, read back with the checksum verified,
and a changed object refused."""

import boto3
import pytest
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer

from indigo.accounts.tests.factories import user_with_role
from indigo.cases.tests.factories import make_application
from indigo.dossier.services import IntegrityFailure, document_open
from indigo.dossier.tests.factories import make_document
from indigo.dossier.tests.files import tiny_pdf

BUCKET = "indigo-dossier"
CREDENTIALS = {"aws_access_key_id": "indigo-test", "aws_secret_access_key": "indigo-test"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1", **CREDENTIALS).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    yield endpoint
    server.stop()


@pytest.fixture(autouse=True)
def s3_dossier(settings, s3_endpoint):
    settings.STORAGES = {
        **settings.STORAGES,
        "dossier": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "eu-west-1",
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }


@pytest.fixture
def stored(catalog):
    applicant = user_with_role("applicant")
    application = make_application(actor=applicant)
    return make_document(actor=applicant, application=application)


def test_a_document_is_stored_in_the_bucket_and_read_back_verified(stored, s3_endpoint):
    objects = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="eu-west-1", **CREDENTIALS
    ).list_objects_v2(Bucket=BUCKET)
    assert stored.file.name in [o["Key"] for o in objects["Contents"]]

    with document_open(actor=user_with_role("caseworker"), document=stored) as content:
        assert content.read() == tiny_pdf()


def test_an_object_changed_in_the_bucket_is_refused(stored, s3_endpoint):
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-1", **CREDENTIALS).put_object(
        Bucket=BUCKET, Key=stored.file.name, Body=tiny_pdf().replace(b"200 200", b"999 999")
    )

    with pytest.raises(IntegrityFailure, match="checksum mismatch"):
        document_open(actor=user_with_role("caseworker"), document=stored)


def test_an_object_gone_from_the_bucket_is_refused_not_a_server_error(stored):
    storages["dossier"].delete(stored.file.name)

    with pytest.raises(IntegrityFailure, match="missing or unreadable"):
        document_open(actor=user_with_role("caseworker"), document=stored)
