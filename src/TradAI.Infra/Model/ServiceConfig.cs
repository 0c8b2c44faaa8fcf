namespace TradAI.Infra.Model;

/// <summary>One ECS service: task size, port, how many tasks, how it is health-checked and which capacity it runs on.</summary>
/// <param name="Name">Service name (<c>backend</c>); also its ECR repository key and its DNS name in the namespace.</param>
/// <param name="ServiceName">The ECS service name (<c>tradai-backend-dev</c>).</param>
/// <param name="Repository">ECR repository key of its image (both trading services share <c>trading</c>).</param>
/// <param name="Cpu">CPU units (1024 = 1 vCPU).</param>
/// <param name="Memory">Memory in MiB.</param>
/// <param name="Port">Container port.</param>
/// <param name="DesiredCount">Running tasks; 0 keeps the service defined but stopped.</param>
/// <param name="HealthCheckPath">HTTP path the load balancer and container health checks call.</param>
/// <param name="EnvPrefix">Prefix of the service's settings variables (<c>BACKEND_</c>).</param>
/// <param name="Capacity">On-demand or Spot (Spot only where the table allows it).</param>
public sealed record ServiceConfig(
    string Name,
    string ServiceName,
    string Repository,
    int Cpu,
    int Memory,
    int Port,
    int DesiredCount,
    string HealthCheckPath,
    string EnvPrefix,
    CapacityKind Capacity);
