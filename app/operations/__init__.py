"""Operations: queue depths, failed jobs, live workers and throttled calls, for technical users."""
