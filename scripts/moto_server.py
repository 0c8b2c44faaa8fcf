"""moto's server (python3 -m moto.server) with S3 requests served one at a time.

moto checks an S3 conditional write (If-Match / If-None-Match) and then stores the object in a second step without a
lock (moto/s3/responses.py), so two concurrent conditional PUTs can both pass the check: a race real S3 does not
have. The suite's concurrency tests rely on S3's atomic conditional writes, so S3 requests (SigV4 scope ".../s3/...")
are serialized here; every other service is served as moto serves it.
Usage: python3 scripts/moto_server.py [-H HOST] [-p PORT]
"""
import argparse
import os
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

parser = argparse.ArgumentParser()
parser.add_argument("-H", "--host", default="127.0.0.1")
parser.add_argument("-p", "--port", type=int, default=5000)
args = parser.parse_args()
os.environ.setdefault("MOTO_PORT", str(args.port))

app = DomainDispatcherApplication(create_backend_app)
s3_lock = threading.Lock()


def serve(environ, start_response):
    if "/s3/aws4_request" not in environ.get("HTTP_AUTHORIZATION", ""):
        return app(environ, start_response)
    with s3_lock:
        # The whole response is produced under the lock: the store changes inside the app call.
        return [b"".join(app(environ, start_response))]


run_simple(args.host, args.port, serve, threaded=True)
