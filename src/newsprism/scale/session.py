"""A SparkSession for newsprism: the user's master, Arrow on, and safe local defaults (loopback, no UI)."""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

MISSING = ("PySpark is not installed: pip install 'newsprism[spark]' (or `make spark`), "
           "and Java 17+ (Debian: apt-get install -y openjdk-17-jre-headless)")


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ModuleNotFoundError as e:
        raise ModuleNotFoundError(MISSING) from e


def spark_session(master: Optional[str] = "local[2]", conf: Optional[dict[str, Any]] = None) -> "SparkSession":
    """The session a job runs in (master None: the one spark-submit was given). A local master stays on the
    loopback interface without the web UI, and its Python workers run this interpreter (where newsprism
    and its model are installed)."""
    require_pyspark()
    from pyspark.sql import SparkSession

    local = (master or "").startswith("local")
    if local:
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsprism")
    if master:
        builder = builder.master(master)
    settings: dict[str, Any] = {
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.showConsoleProgress": "false",
    }
    if local:
        settings.update({"spark.ui.enabled": "false", "spark.driver.host": "127.0.0.1",
                         "spark.driver.bindAddress": "127.0.0.1", "spark.sql.shuffle.partitions": "4"})
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, str(value))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark
