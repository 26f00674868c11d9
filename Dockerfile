# One image per service: docker build --build-arg MODULE=ingest -t shouwang/ingest .
# Built from this repository's sources with the Maven wrapper; nothing prebuilt is copied in.
FROM eclipse-temurin:17.0.16_8-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
# one Maven cache shared by the parallel builds of every service image, locked so that they do not
# write the same artifact at once
RUN --mount=type=cache,id=shouwang-m2,target=/root/.m2,sharing=locked \
    ./mvnw -B -ntp -q -pl services/${MODULE} -am package -DskipTests \
    && cp services/${MODULE}/target/${MODULE}-*-exec.jar /app.jar

FROM eclipse-temurin:17.0.16_8-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 shouwang && mkdir -p /var/lib/shouwang && chown shouwang /var/lib/shouwang
USER shouwang
COPY --from=build /app.jar /app/app.jar
ENV SHOUWANG_DATA_DIR=/var/lib/shouwang
# the heap as a share of the container's memory limit; a service overrides it in its environment
# (the risk engine leaves more room for RocksDB)
ENV JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
