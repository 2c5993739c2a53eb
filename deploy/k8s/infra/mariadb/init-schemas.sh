#!/bin/bash
# Runs once, when the MariaDB image initialises an empty data directory (it sources the *.sh files in
# /docker-entrypoint-initdb.d, which provides docker_process_sql). One schema and one user of the same name per
# service: a service never reads another's tables. The passwords come from the tongbao-db Secret (hex, so they need
# no quoting).
set -euo pipefail
for schema in tongbao_order tongbao_payment tongbao_coin tongbao_learning; do
  service="${schema#tongbao_}"
  var="TONGBAO_${service^^}_DB_PASSWORD"
  password="${!var:?the tongbao-db Secret has no ${service}-password}"
  docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS ${schema} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${schema}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON ${schema}.* TO '${schema}'@'%';
SQL
done
