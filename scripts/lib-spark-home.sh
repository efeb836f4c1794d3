# Sourced by scripts/cluster and scripts/submit: a SPARK_HOME made of the Maven-resolved Spark jars.
# Builds the project when needed (through scripts/zhifang's build step), then links every jar of the
# embedded classpath except Zhifang's own modules into $SPARK_HOME/jars, as a Spark distribution has them.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SPARK_HOME="$ROOT/jobs/target/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
JAVA="${JAVA:-java}"

ensure_spark_home() {
  "$ROOT/scripts/zhifang" --version >/dev/null   # builds the jars and classpath.txt if sources changed
  local classpath="$ROOT/jobs/target/classpath.txt"
  if [[ ! -d "$SPARK_HOME/jars" || "$classpath" -nt "$SPARK_HOME/jars" ]]; then
    rm -rf "$SPARK_HOME" && mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
    tr ':' '\n' < "$classpath" | grep -v '/zhifang-' | grep -v '/duckdb_jdbc' | while read -r jar; do
      ln -s "$jar" "$SPARK_HOME/jars/$(basename "$jar")"
    done
    cp "$ROOT/conf/log4j2.properties" "$SPARK_HOME/conf/log4j2.properties"
  fi
  # Spark's own list of --add-opens and friends, needed by every JVM that runs Spark on Java 17.
  read -r -a SPARK_JVM_OPTIONS <<< "$("$JAVA" -cp "$SPARK_HOME/jars/*:$ROOT/jobs/target/classes" com.zhifang.jobs.cli.PrintSparkJvmOptions)"
  SHADED_JAR="$(ls "$ROOT"/jobs/target/zhifang-jobs-*-spark.jar | head -n 1)"
}
