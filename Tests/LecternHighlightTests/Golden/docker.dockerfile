# Build stage
FROM python:3.12-slim AS build
ENV APP_HOME=/app
WORKDIR $APP_HOME
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt && \
    echo "done"
EXPOSE 8080
CMD ["python", "app.py"]
