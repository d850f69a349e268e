# whoowns: the Slack app's HTTP server (gunicorn) in a slim, non-root image.
#   docker build -t whoowns .   then see compose.yaml (PostgreSQL beside it) and README "Running in production".

# Build stage: install the package and its dependencies into a virtualenv (anything that needs compiling
# is compiled here, never in the image that runs).
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/whoowns
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
# The installed package brings its package data (templates, static files, migrations, model files) and
# the knowledge files (under /opt/whoowns/share/whoowns/knowledge), so the run stage copies only the venv.
RUN /opt/whoowns/bin/pip install .

# Run stage: the virtualenv on a clean base, a user without privileges, nothing to build with.
FROM python:3.11-slim
ENV PATH=/opt/whoowns/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=3000 \
    WHOOWNS_DB_PATH=/data/whoowns.db
RUN useradd --system --uid 10001 --create-home --home-dir /home/whoowns whoowns \
    && mkdir /data \
    && chown whoowns /data
COPY --from=build /opt/whoowns /opt/whoowns
USER 10001
WORKDIR /home/whoowns
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3000'), timeout=4)"]
# `serve` listens on $PORT; SIGTERM (docker stop) lets the workers finish the questions in hand.
CMD ["python", "-m", "bot", "serve"]
