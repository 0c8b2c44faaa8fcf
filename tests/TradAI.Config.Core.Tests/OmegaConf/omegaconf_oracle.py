"""The real OmegaConf as a test oracle for the differential tests (OmegaConfOracle.cs starts it).

One long-lived process: each stdin line is a JSON request, each stdout line the JSON answer, so hundreds of cases
run in seconds. Values come back typed, so the C# side can compare strictly: {"m": [[key, value], ...]} for a
mapping (in order), {"l": [...]} a list, {"s": str}, {"i": "decimal"}, {"f": repr(float)}, {"b": bool}, {"n": null}.
Requests:
  {"op": "merge", "docs": [yaml, ...]}  -> load each with OmegaConf.load, OmegaConf.merge them, to_container(resolve=True)
  {"op": "load", "doc": yaml}           -> OmegaConf.load, to_container(resolve=False) as "ok", OmegaConf.to_yaml of it as
                                           "yaml", and that text loaded again as "reload" (or "reload_error")
  {"op": "load_many", "docs": [yaml, ...]} -> each loaded alone, to_container(resolve=False): {"ok": [answer, ...]}, one
                                           {"ok": value} or {"error": ...} per document (thousands of scalars per request)
Answers: {"ok": value[, "yaml": text]} or {"error": "ExceptionType: first line of the message"}.
"""
import io
import json
import sys

import omegaconf
from omegaconf import OmegaConf


def encode(value):
    if isinstance(value, dict):
        return {"m": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return {"l": [encode(v) for v in value]}
    if isinstance(value, bool):
        return {"b": value}
    if isinstance(value, int):
        return {"i": str(value)}
    if isinstance(value, float):
        return {"f": repr(value)}
    if isinstance(value, str):
        return {"s": value}
    if value is None:
        return {"n": None}
    return {"other": type(value).__name__ + ":" + repr(value)}


def load(text):
    return OmegaConf.load(io.StringIO(text))


def error_text(e):
    message = str(e).strip().splitlines()
    return type(e).__name__ + ": " + (message[0] if message else "")


def load_one(text):
    try:
        return {"ok": encode(OmegaConf.to_container(load(text), resolve=False))}
    except Exception as e:  # each document's failure is its own answer
        return {"error": error_text(e)}


def handle(request):
    op = request["op"]
    if op == "version":
        return {"ok": {"s": omegaconf.__version__}}
    if op == "merge":
        configs = [load(d) for d in request["docs"]]
        merged = OmegaConf.merge(*configs) if len(configs) > 1 else configs[0]
        return {"ok": encode(OmegaConf.to_container(merged, resolve=True))}
    if op == "load":
        config = load(request["doc"])
        answer = {"ok": encode(OmegaConf.to_container(config, resolve=False))}
        answer["yaml"] = text = OmegaConf.to_yaml(config)
        try:
            answer["reload"] = encode(OmegaConf.to_container(load(text), resolve=False))
        except Exception as e:
            answer["reload_error"] = type(e).__name__ + ": " + str(e).strip().split("\n")[0]
        return answer
    if op == "load_many":
        return {"ok": [load_one(d) for d in request["docs"]]}
    raise ValueError("unknown op " + op)


def main():
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    for line in sys.stdin:
        try:
            answer = handle(json.loads(line))
        except Exception as e:  # every OmegaConf/PyYAML failure is an answer, not a crash
            answer = {"error": error_text(e)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
