using LeerlingzorgPortal.Web.Features.Accommodations;
using LeerlingzorgPortal.Web.Features.Admin.Organisation;
using LeerlingzorgPortal.Web.Features.Admin.Users;
using LeerlingzorgPortal.Web.Features.Agencies;
using LeerlingzorgPortal.Web.Features.Audit;
using LeerlingzorgPortal.Web.Features.CarePlans;
using LeerlingzorgPortal.Web.Features.Cases;
using LeerlingzorgPortal.Web.Features.Cases.ActionItems;
using LeerlingzorgPortal.Web.Features.Cases.CasePage;
using LeerlingzorgPortal.Web.Features.Cases.CaseWork;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Cases.Triage;
using LeerlingzorgPortal.Web.Features.Handovers;
using LeerlingzorgPortal.Web.Features.Home;
using LeerlingzorgPortal.Web.Features.Import;
using LeerlingzorgPortal.Web.Features.Incidents;
using LeerlingzorgPortal.Web.Features.Interventions;
using LeerlingzorgPortal.Web.Features.Meetings;
using LeerlingzorgPortal.Web.Features.Meldcode;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Protocols;
using LeerlingzorgPortal.Web.Features.Pupils;
using LeerlingzorgPortal.Web.Features.Reports;
using LeerlingzorgPortal.Web.Features.Retention;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Infrastructure.Jobs;

namespace LeerlingzorgPortal.Web.Features;

/// <summary>The queries and use cases of every feature, registered in one readable list.</summary>
public static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services) => services
        .AddScoped<HomeOverviewQuery>()
        .AddScoped<HomeListsQuery>()
        .AddScoped<RetentionScan>()
        .AddScoped<RetentionWork>()
        .AddScoped<InzageQuery>()
        .AddScoped<JobLeases>()
        .AddHostedService<RetentionJob>()
        .AddScoped<ReportLocations>()
        .AddScoped<CareOfferingReportQuery>()
        .AddScoped<CareFiguresReportQuery>()
        .AddScoped<CareYearReportQuery>()
        .AddScoped<CareYearReportWork>()
        .AddScoped<SignalListQuery>()
        .AddScoped<DashboardReportQuery>()
        .AddSingleton<CustomPeriodThrottle>()
        .AddScoped<PupilListQuery>()
        .AddScoped<PupilDetailsQuery>()
        .AddScoped<StaffDirectoryQuery>()
        .AddScoped<StaffAssignmentOptionsQuery>()
        .AddScoped<Workplaces>()
        .AddScoped<CreateUser>()
        .AddScoped<Account.PasswordSignIn>()
        .AddScoped<UpdateUser>()
        .AddScoped<SetUserActive>()
        .AddScoped<ResetUserPassword>()
        .AddScoped<ResetUserTwoFactor>()
        .AddScoped<OrganisationOverviewQuery>()
        .AddScoped<ChangeOrganisation>()
        .AddScoped<StaffLookup>()
        .AddScoped<Notifier>()
        .AddScoped<NotificationListQuery>()
        .AddScoped<ReadNotification>()
        .AddScoped<ReferralLoader>()
        .AddScoped<ReferralPageQuery>()
        .AddScoped<ReferralPageResults>()
        .AddScoped<ReferralListQuery>()
        .AddScoped<ReferablePupilsQuery>()
        .AddScoped<CreateReferral>()
        .AddScoped<EditReferral>()
        .AddScoped<SubmitReferral>()
        .AddScoped<TriageQueueQuery>()
        .AddScoped<AssignReferral>()
        .AddScoped<ReturnReferral>()
        .AddScoped<CaseListQuery>()
        .AddScoped<CaseWork>()
        .AddScoped<MyActionItemsQuery>()
        .AddScoped<CompleteActionItem>()
        .AddScoped<TimelineQuery>()
        .AddScoped<CareDashboardQuery>()
        .AddScoped<PlanWork>()
        .AddScoped<PlanPageQuery>()
        .AddScoped<PlanSignalsQuery>()
        .AddScoped<MeetingWork>()
        .AddScoped<MeetingPageQuery>()
        .AddScoped<MeetingListQuery>()
        .AddScoped<MeetingRemindersQuery>()
        .AddScoped<PupilConsentsQuery>()
        .AddScoped<IncidentWork>()
        .AddScoped<IncidentQueries>()
        .AddScoped<MeldcodeWork>()
        .AddScoped<MeldcodeListQuery>()
        .AddScoped<ImportService>()
        .AddScoped<AuditReach>()
        .AddScoped<AuditLogQuery>()
        .AddScoped<UnusualAccessQuery>()
        .AddScoped<HandoverWork>()
        .AddScoped<InterventionListQuery>()
        .AddScoped<InterventionPageQuery>()
        .AddScoped<InterventionWork>()
        .AddScoped<InterventionChoicesQuery>()
        .AddScoped<AgencyListQuery>()
        .AddScoped<AgencyOptionsQuery>()
        .AddScoped<AgencyWork>()
        .AddScoped<AccommodationWork>()
        .AddScoped<AccommodationQueries>()
        .AddScoped<AccommodationSignalsQuery>()
        .AddSingleton<MarkdownRenderer>()
        .AddScoped<ProtocolQueries>()
        .AddScoped<ProtocolWork>()
        .AddScoped<Security.PupilCareStaff>();
}
