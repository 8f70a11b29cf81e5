"""docker-compose.yml and prefect.yaml cannot be started here (no Docker engine), so they are
checked by parsing: the services the README promises, ports on 127.0.0.1 only, credentials
from the environment, and a deployment entrypoint that exists."""

from __future__ import annotations

import importlib

import yaml

from helpers import ROOT


def test_compose_services_and_loopback_ports():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert {"neo4j", "prefect-server", "worker"} <= set(services)
    assert services["neo4j"]["image"].startswith("neo4j:5.")
    assert "apoc" in services["neo4j"]["environment"]["NEO4J_PLUGINS"]
    for service in services.values():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), port
    assert "${NEO4J_PASSWORD" in services["neo4j"]["environment"]["NEO4J_AUTH"]
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert "NEO4J_PASSWORD=" in example


def test_prefect_deployment_points_at_the_flow():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = spec["deployments"]
    module_path, name = deployment["entrypoint"].split(":")
    assert (ROOT / module_path).is_file()
    # flows/ is where the package lives; the package is newsgraph_flows
    module = importlib.import_module(module_path.removeprefix("flows/").removesuffix(".py").replace("/", "."))
    assert getattr(module, name).name == "ingest"
    assert set(deployment["parameters"]) <= {"inputs", "graph_uri", "force"}
