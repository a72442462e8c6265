"""renewal-planner: plan renewals of on-premise software maintenance contracts."""

__version__ = "0.1.0"
