"""The Python + OmegaConf equivalent of `tradai config merge FILE... -o json`, the baseline of bench/cli-startup.sh.

Deep-merges the YAML files left to right with OmegaConf, resolves interpolations and prints the result as JSON.
Run with Debian's python3 and its python3-omegaconf package (OmegaConf 2.2).
"""
import json
import sys

from omegaconf import OmegaConf

merged = OmegaConf.merge(*(OmegaConf.load(path) for path in sys.argv[1:]))
json.dump(OmegaConf.to_container(merged, resolve=True), sys.stdout, indent=2)
sys.stdout.write("\n")
