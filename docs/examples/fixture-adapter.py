#!/usr/bin/env python3
"""A minimal fixture server for the conformance suite (see docs/fixtures.md), standard library only.

It implements the contract's two endpoints and leaves the vendor-specific work to two functions:
reset_target() and route_interaction(). As written, they forward to another fixture service named by
UPSTREAM (for example the bundled reference server of `conformance serve`), so the adapter can be tried
as it is:

    conformance serve --port 8090 &
    UPSTREAM=http://127.0.0.1:8090/fixtures python3 docs/examples/fixture-adapter.py 8091 &
    # a profile with  fixtures: {kind: http, url: http://127.0.0.1:8091/fixtures}

Replace the two functions with calls to your routing tool.
"""
import json
import os
import sys
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

UPSTREAM = os.environ.get("UPSTREAM", "http://127.0.0.1:8090/fixtures")


def reset_target():
    """Remove every interaction, ownership and workbin content. Live notification sessions may stay."""
    urllib.request.urlopen(urllib.request.Request(UPSTREAM + "/reset", method="POST"), timeout=10).close()


def route_interaction(media_type, agent_id, properties):
    """Create an interaction, offer it to agent_id (who then gets the invitation), return its id."""
    body = json.dumps({"mediaType": media_type, "agentId": agent_id, "properties": properties}).encode()
    request = urllib.request.Request(
        UPSTREAM + "/interactions", data=body, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)["id"]


class Fixtures(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path == "/fixtures/reset":
            reset_target()
            return self.answer(204)
        if self.path != "/fixtures/interactions":
            return self.answer(404, {"statusCode": 404, "errorDescription": "unknown fixture " + self.path})
        try:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"null")
            media_type, agent_id = request["mediaType"], request["agentId"]
            properties = request.get("properties", {})
            if not (isinstance(media_type, str) and isinstance(agent_id, str) and isinstance(properties, dict)):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            return self.answer(400, {"statusCode": 400,
                                     "errorDescription": "expected {mediaType, agentId, properties?}"})
        self.answer(201, {"id": route_interaction(media_type, agent_id, properties)})

    def answer(self, status, body=None):
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8091), Fixtures).serve_forever()
