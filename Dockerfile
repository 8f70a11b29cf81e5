# The worker image: the project installed from the committed lock with uv.
FROM python:3.11-slim
RUN pip install --no-cache-dir uv==0.13.8
WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
COPY src ./src
COPY flows ./flows
COPY graph_schema ./graph_schema
RUN uv sync --frozen --no-dev
ENV PATH="/app/.venv/bin:$PATH"
CMD ["python", "-m", "newsgraph_flows.serve"]
