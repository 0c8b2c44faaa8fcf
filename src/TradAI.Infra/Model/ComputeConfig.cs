namespace TradAI.Infra.Model;

/// <summary>Where containers and jobs run: cluster, consolidated EC2 vs Fargate, log retention, the backtest queue and workflow.</summary>
/// <param name="ClusterName">ECS cluster name.</param>
/// <param name="ConsolidatedMode">All services on one EC2 instance (dev/staging cost saving) instead of Fargate.</param>
/// <param name="Ec2">The consolidated instance; used only when <paramref name="ConsolidatedMode"/> is on.</param>
/// <param name="LogRetentionDays">CloudWatch log retention of every service and Lambda log group.</param>
/// <param name="ContainerInsights">Cluster-level metrics (prod).</param>
/// <param name="BacktestQueueName">SQS queue the backend submits backtest jobs to.</param>
/// <param name="BacktestDeadLetterQueueName">Where jobs land after repeated failures.</param>
/// <param name="BacktestStateMachineName">Step Functions workflow that runs a backtest task.</param>
/// <param name="BacktestTaskFamily">Task definition family of the backtest runner the workflow starts.</param>
/// <param name="BacktestRepository">ECR repository key of the backtest runner image.</param>
public sealed record ComputeConfig(
    string ClusterName,
    bool ConsolidatedMode,
    Ec2ConsolidatedConfig Ec2,
    int LogRetentionDays,
    bool ContainerInsights,
    string BacktestQueueName,
    string BacktestDeadLetterQueueName,
    string BacktestStateMachineName,
    string BacktestTaskFamily,
    string BacktestRepository);
