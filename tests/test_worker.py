"""`flask worker` runs queued jobs inside the app context."""

from app.queues import get_queue


def test_worker_burst_runs_jobs_in_app_context(app, redis_client):
    with app.app_context():
        job = get_queue("default").enqueue("tests.jobs_for_tests.record_app_name", "probe")
    result = app.test_cli_runner().invoke(args=["worker", "--burst", "--queues", "default"])
    assert result.exit_code == 0, result.output
    assert redis_client.get("probe") == b"app"
    job.refresh()
    assert job.get_status() == "finished"


def test_worker_rejects_empty_queue_list(app):
    result = app.test_cli_runner().invoke(args=["worker", "--queues", " , "])
    assert result.exit_code != 0
    assert "--queues" in result.output
