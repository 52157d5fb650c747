IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(200) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(200) NOT NULL,
        [MustChangePassword] bit NOT NULL,
        [EnrolmentCodeHash] nvarchar(100) NULL,
        [EnrolmentCodeExpiresAt] datetimeoffset NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [UserId] nvarchar(64) NOT NULL,
        [Action] nvarchar(30) NOT NULL,
        [SubjectType] nvarchar(50) NOT NULL,
        [SubjectId] nvarchar(64) NOT NULL,
        [PupilId] int NULL,
        [Detail] nvarchar(500) NULL,
        [ClientAddress] nvarchar(45) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Boards] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_Boards] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [CustomIncidentCategories] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(100) NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_CustomIncidentCategories] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(200) NULL,
        [Xml] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [ExternalOrganisations] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [IsActive] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [Region] nvarchar(200) NULL,
        [ContactPerson] nvarchar(200) NULL,
        [Phone] nvarchar(50) NULL,
        [Email] nvarchar(200) NULL,
        [Website] nvarchar(200) NULL,
        [Address] nvarchar(200) NULL,
        [Offer] nvarchar(2000) NULL,
        [HowToRefer] nvarchar(2000) NULL,
        CONSTRAINT [PK_ExternalOrganisations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [ImportUploads] (
        [Id] uniqueidentifier NOT NULL,
        [UploadedById] nvarchar(64) NOT NULL,
        [FileName] nvarchar(260) NOT NULL,
        [Table] nvarchar(max) NULL,
        [LocationId] int NULL,
        [FullImport] bit NOT NULL,
        [LeavingDate] date NOT NULL,
        [Mapping] nvarchar(2000) NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ImportUploads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Interventions] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [Description] nvarchar(4000) NOT NULL,
        [TargetGroup] nvarchar(500) NOT NULL,
        [Provider] nvarchar(200) NOT NULL,
        [SupportLevel] nvarchar(20) NOT NULL,
        [Capacity] int NOT NULL,
        [Period] nvarchar(500) NOT NULL,
        [IsActive] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Interventions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [JobLeases] (
        [Name] nvarchar(100) NOT NULL,
        [Holder] nvarchar(200) NOT NULL,
        [LeaseUntil] datetimeoffset NOT NULL,
        [LastRunOn] date NULL,
        [Runs] int NOT NULL,
        CONSTRAINT [PK_JobLeases] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] bigint NOT NULL IDENTITY,
        [RecipientId] nvarchar(64) NOT NULL,
        [Message] nvarchar(300) NOT NULL,
        [Link] nvarchar(200) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ReadAt] datetimeoffset NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [RetentionPeriods] (
        [Kind] nvarchar(30) NOT NULL,
        [Years] int NOT NULL,
        [UpdatedById] nvarchar(64) NULL,
        [UpdatedAt] datetimeoffset NULL,
        CONSTRAINT [PK_RetentionPeriods] PRIMARY KEY ([Kind])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(200) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(200) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(200) NOT NULL,
        [ProviderKey] nvarchar(200) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(200) NOT NULL,
        [RoleId] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(200) NOT NULL,
        [LoginProvider] nvarchar(200) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [StaffMembers] (
        [Id] nvarchar(64) NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [IsActive] bit NOT NULL,
        [DeactivatedAt] datetimeoffset NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_StaffMembers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StaffMembers_AspNetUsers_Id] FOREIGN KEY ([Id]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Locations] (
        [Id] int NOT NULL IDENTITY,
        [BoardId] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_Locations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Locations_Boards_BoardId] FOREIGN KEY ([BoardId]) REFERENCES [Boards] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Protocols] (
        [Id] int NOT NULL IDENTITY,
        [Topic] nvarchar(30) NOT NULL,
        [OwnerId] nvarchar(64) NOT NULL,
        [ReviewOn] date NOT NULL,
        [IsActive] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Protocols] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Protocols_StaffMembers_OwnerId] FOREIGN KEY ([OwnerId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [CareYearReports] (
        [Id] int NOT NULL IDENTITY,
        [LocationId] int NOT NULL,
        [SchoolYearStart] int NOT NULL,
        [FiguresComment] nvarchar(max) NULL,
        [PolicyEvaluation] nvarchar(max) NULL,
        [GoalsNextYear] nvarchar(max) NULL,
        [UpdatedById] nvarchar(64) NOT NULL,
        [UpdatedAt] datetimeoffset NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_CareYearReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CareYearReports_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Incidents] (
        [Id] int NOT NULL IDENTITY,
        [LocationId] int NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [Place] nvarchar(200) NOT NULL,
        [Category] nvarchar(30) NOT NULL,
        [CustomCategoryId] int NULL,
        [Severity] nvarchar(20) NOT NULL,
        [Description] nvarchar(4000) NOT NULL,
        [MeasuresTaken] nvarchar(4000) NULL,
        [ParentsInformed] bit NOT NULL,
        [FollowUpNeeded] bit NOT NULL,
        [ReportedById] nvarchar(64) NOT NULL,
        [ReportedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Incidents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Incidents_CustomIncidentCategories_CustomCategoryId] FOREIGN KEY ([CustomCategoryId]) REFERENCES [CustomIncidentCategories] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Incidents_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Meetings] (
        [Id] int NOT NULL IDENTITY,
        [LocationId] int NOT NULL,
        [Type] nvarchar(30) NOT NULL,
        [StartsAt] datetimeoffset NOT NULL,
        [ChairId] nvarchar(64) NOT NULL,
        [MinuteTakerId] nvarchar(64) NULL,
        [SeriesId] uniqueidentifier NULL,
        [Status] nvarchar(20) NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Meetings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Meetings_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MentorGroups] (
        [Id] int NOT NULL IDENTITY,
        [LocationId] int NOT NULL,
        [Name] nvarchar(20) NOT NULL,
        [SchoolYearStart] int NOT NULL,
        [IsArchived] bit NOT NULL,
        CONSTRAINT [PK_MentorGroups] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MentorGroups_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [StaffLocations] (
        [StaffMemberId] nvarchar(200) NOT NULL,
        [LocationId] int NOT NULL,
        CONSTRAINT [PK_StaffLocations] PRIMARY KEY ([StaffMemberId], [LocationId]),
        CONSTRAINT [FK_StaffLocations_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_StaffLocations_StaffMembers_StaffMemberId] FOREIGN KEY ([StaffMemberId]) REFERENCES [StaffMembers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [ProtocolVersions] (
        [Id] int NOT NULL IDENTITY,
        [ProtocolId] int NOT NULL,
        [Number] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [ChangeNote] nvarchar(500) NULL,
        [AuthorId] nvarchar(64) NOT NULL,
        [SavedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ProtocolVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProtocolVersions_Protocols_ProtocolId] FOREIGN KEY ([ProtocolId]) REFERENCES [Protocols] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MeetingAddenda] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [Text] nvarchar(4000) NOT NULL,
        [ById] nvarchar(64) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_MeetingAddenda] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingAddenda_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MeetingExternalParticipants] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Organisation] nvarchar(200) NOT NULL,
        [Role] nvarchar(200) NULL,
        CONSTRAINT [PK_MeetingExternalParticipants] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingExternalParticipants_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MeetingStaffParticipants] (
        [MeetingId] int NOT NULL,
        [StaffMemberId] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_MeetingStaffParticipants] PRIMARY KEY ([MeetingId], [StaffMemberId]),
        CONSTRAINT [FK_MeetingStaffParticipants_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_MeetingStaffParticipants_StaffMembers_StaffMemberId] FOREIGN KEY ([StaffMemberId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Pupils] (
        [Id] int NOT NULL IDENTITY,
        [Number] nvarchar(20) NOT NULL,
        [SearchText] nvarchar(243) NOT NULL,
        [DateOfBirth] date NOT NULL,
        [LocationId] int NOT NULL,
        [MentorGroupId] int NULL,
        [LeftOn] date NULL,
        [AnonymisedOn] date NULL,
        [FirstName] nvarchar(100) NOT NULL,
        [LastName] nvarchar(100) NOT NULL,
        [NamePrefix] nvarchar(20) NULL,
        CONSTRAINT [PK_Pupils] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Pupils_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Pupils_MentorGroups_MentorGroupId] FOREIGN KEY ([MentorGroupId]) REFERENCES [MentorGroups] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [StaffMentorGroups] (
        [StaffMemberId] nvarchar(200) NOT NULL,
        [MentorGroupId] int NOT NULL,
        CONSTRAINT [PK_StaffMentorGroups] PRIMARY KEY ([StaffMemberId], [MentorGroupId]),
        CONSTRAINT [FK_StaffMentorGroups_MentorGroups_MentorGroupId] FOREIGN KEY ([MentorGroupId]) REFERENCES [MentorGroups] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_StaffMentorGroups_StaffMembers_StaffMemberId] FOREIGN KEY ([StaffMemberId]) REFERENCES [StaffMembers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Accommodations] (
        [Id] int NOT NULL IDENTITY,
        [PupilId] int NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Detail] nvarchar(300) NULL,
        [Ground] nvarchar(2000) NOT NULL,
        [StatementValidUntil] date NULL,
        [ValidFrom] date NOT NULL,
        [ValidUntil] date NOT NULL,
        [GrantedById] nvarchar(64) NOT NULL,
        [GrantedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        [EndedOn] date NULL,
        CONSTRAINT [PK_Accommodations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Accommodations_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Accommodations_StaffMembers_GrantedById] FOREIGN KEY ([GrantedById]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Guardians] (
        [Id] int NOT NULL IDENTITY,
        [PupilId] int NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Relationship] nvarchar(20) NOT NULL,
        [Phone] nvarchar(30) NULL,
        [Email] nvarchar(254) NULL,
        [HasParentalAuthority] bit NOT NULL,
        CONSTRAINT [PK_Guardians] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Guardians_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [IncidentParticipants] (
        [IncidentId] int NOT NULL,
        [PupilId] int NOT NULL,
        [Role] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_IncidentParticipants] PRIMARY KEY ([IncidentId], [PupilId]),
        CONSTRAINT [FK_IncidentParticipants_Incidents_IncidentId] FOREIGN KEY ([IncidentId]) REFERENCES [Incidents] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_IncidentParticipants_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [PupilConsents] (
        [Id] int NOT NULL IDENTITY,
        [PupilId] int NOT NULL,
        [GivenOn] date NOT NULL,
        [GivenBy] nvarchar(200) NOT NULL,
        [GivenByPupil] bit NOT NULL,
        [MeetingTypes] nvarchar(max) NOT NULL,
        [Partners] nvarchar(max) NOT NULL,
        [WithdrawnOn] date NULL,
        [RecordedById] nvarchar(64) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PupilConsents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PupilConsents_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Referrals] (
        [Id] int NOT NULL IDENTITY,
        [PupilId] int NOT NULL,
        [LocationId] int NOT NULL,
        [ReferredById] nvarchar(64) NOT NULL,
        [Source] nvarchar(20) NOT NULL,
        [RequestId] uniqueidentifier NOT NULL,
        [Category] nvarchar(30) NOT NULL,
        [Urgency] nvarchar(20) NOT NULL,
        [Question] nvarchar(2000) NULL,
        [AlreadyTried] nvarchar(2000) NULL,
        [ParentsInformed] bit NOT NULL,
        [ParentsInformedOn] date NULL,
        [Status] nvarchar(30) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [SubmittedAt] datetimeoffset NULL,
        [TriagedAt] datetimeoffset NULL,
        [AssignedCareWorkerId] nvarchar(64) NULL,
        [SupportLevel] nvarchar(20) NULL,
        [FirstActionAt] datetimeoffset NULL,
        [MinutesToTriage] int NULL,
        [MinutesToFirstAction] int NULL,
        [EndedAt] datetimeoffset NULL,
        [Outcome] nvarchar(30) NULL,
        [EndNote] nvarchar(4000) NULL,
        [ReferredOutTo] nvarchar(200) NULL,
        [IsFlaggedForDiscussion] bit NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Referrals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Referrals_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Referrals_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Referrals_StaffMembers_AssignedCareWorkerId] FOREIGN KEY ([AssignedCareWorkerId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Referrals_StaffMembers_ReferredById] FOREIGN KEY ([ReferredById]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [RetentionReviews] (
        [Id] int NOT NULL IDENTITY,
        [PupilId] int NOT NULL,
        [LocationId] int NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [DueOn] date NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ListedAt] datetimeoffset NOT NULL,
        [PostponedUntil] date NULL,
        [PostponeReason] nvarchar(500) NULL,
        [DecidedById] nvarchar(64) NULL,
        [DecidedAt] datetimeoffset NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_RetentionReviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RetentionReviews_Locations_LocationId] FOREIGN KEY ([LocationId]) REFERENCES [Locations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RetentionReviews_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [CarePlans] (
        [Id] int NOT NULL IDENTITY,
        [ReferralId] int NOT NULL,
        [PupilId] int NOT NULL,
        [ResponsibleId] nvarchar(64) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Content] nvarchar(max) NOT NULL,
        [VersionNumber] int NOT NULL,
        [NeedEstablishedOn] date NULL,
        [FirstActivatedOn] date NULL,
        [LastEvaluatedOn] date NULL,
        [PupilView] nvarchar(2000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_CarePlans] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CarePlans_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_CarePlans_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CarePlans_StaffMembers_ResponsibleId] FOREIGN KEY ([ResponsibleId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [ContactNotes] (
        [Id] int NOT NULL IDENTITY,
        [ReferralId] int NOT NULL,
        [AuthorId] nvarchar(64) NOT NULL,
        [Date] date NOT NULL,
        [With] nvarchar(60) NOT NULL,
        [Summary] nvarchar(4000) NOT NULL,
        [Agreements] nvarchar(2000) NULL,
        [IsConfidential] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ContactNotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContactNotes_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [ExternalReferrals] (
        [Id] int NOT NULL IDENTITY,
        [ReferralId] int NOT NULL,
        [PupilId] int NOT NULL,
        [AgencyKind] nvarchar(30) NOT NULL,
        [AgencyName] nvarchar(200) NOT NULL,
        [OrganisationId] int NULL,
        [SentOn] date NOT NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [SharedInformation] nvarchar(2000) NOT NULL,
        [ConsentBy] nvarchar(200) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ExpectedFeedbackOn] date NULL,
        [FeedbackReceivedOn] date NULL,
        [Feedback] nvarchar(2000) NULL,
        [CreatedById] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ExternalReferrals] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ExternalReferrals_ExternalOrganisations_OrganisationId] FOREIGN KEY ([OrganisationId]) REFERENCES [ExternalOrganisations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ExternalReferrals_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [Handovers] (
        [Id] int NOT NULL IDENTITY,
        [PupilId] int NOT NULL,
        [PreviousSchool] nvarchar(200) NOT NULL,
        [ReportSummary] nvarchar(4000) NOT NULL,
        [SupportSoFar] nvarchar(4000) NULL,
        [Advice] nvarchar(4000) NULL,
        [ConversationHeld] bit NOT NULL,
        [ConversationOn] date NULL,
        [NeedsCare] bit NOT NULL,
        [ReferralId] int NULL,
        [RecordedById] nvarchar(64) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_Handovers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Handovers_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Handovers_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [InterventionEnrolments] (
        [Id] int NOT NULL IDENTITY,
        [InterventionId] int NOT NULL,
        [PupilId] int NOT NULL,
        [ReferralId] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [RequestedAt] datetimeoffset NOT NULL,
        [StartOn] date NULL,
        [AdmittedAt] datetimeoffset NULL,
        [EndOn] date NULL,
        [Outcome] nvarchar(2000) NULL,
        [EnrolledById] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_InterventionEnrolments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InterventionEnrolments_Interventions_InterventionId] FOREIGN KEY ([InterventionId]) REFERENCES [Interventions] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_InterventionEnrolments_Pupils_PupilId] FOREIGN KEY ([PupilId]) REFERENCES [Pupils] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_InterventionEnrolments_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MeetingAgendaItems] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [ReferralId] int NOT NULL,
        [PupilId] int NOT NULL,
        [Question] nvarchar(1000) NULL,
        [BroughtById] nvarchar(64) NOT NULL,
        [Order] int NOT NULL,
        [Discussion] nvarchar(4000) NULL,
        [Decisions] nvarchar(4000) NULL,
        CONSTRAINT [PK_MeetingAgendaItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingAgendaItems_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_MeetingAgendaItems_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MeldcodeTracks] (
        [Id] int NOT NULL IDENTITY,
        [ReferralId] int NOT NULL,
        [PupilId] int NOT NULL,
        [LocationId] int NOT NULL,
        [StartedById] nvarchar(64) NOT NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        CONSTRAINT [PK_MeldcodeTracks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeldcodeTracks_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [ReferralTransitions] (
        [Id] bigint NOT NULL IDENTITY,
        [ReferralId] int NOT NULL,
        [From] nvarchar(30) NULL,
        [To] nvarchar(30) NOT NULL,
        [ById] nvarchar(64) NOT NULL,
        [At] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ReferralTransitions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReferralTransitions_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [CarePlanConsents] (
        [Id] bigint NOT NULL IDENTITY,
        [CarePlanId] int NOT NULL,
        [VersionNumber] int NOT NULL,
        [Agreed] bit NOT NULL,
        [On] date NOT NULL,
        [GivenBy] nvarchar(200) NOT NULL,
        [Remarks] nvarchar(2000) NULL,
        [RecordedById] nvarchar(64) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CarePlanConsents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CarePlanConsents_CarePlans_CarePlanId] FOREIGN KEY ([CarePlanId]) REFERENCES [CarePlans] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [CarePlanEvaluations] (
        [Id] bigint NOT NULL IDENTITY,
        [CarePlanId] int NOT NULL,
        [VersionNumber] int NOT NULL,
        [EvaluatedOn] date NOT NULL,
        [Results] nvarchar(max) NOT NULL,
        [Summary] nvarchar(2000) NULL,
        [ById] nvarchar(64) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CarePlanEvaluations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CarePlanEvaluations_CarePlans_CarePlanId] FOREIGN KEY ([CarePlanId]) REFERENCES [CarePlans] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [CarePlanMeasureEvaluations] (
        [Id] bigint NOT NULL IDENTITY,
        [CarePlanId] int NOT NULL,
        [MeasureKey] uniqueidentifier NOT NULL,
        [On] date NOT NULL,
        [Note] nvarchar(2000) NOT NULL,
        [ById] nvarchar(64) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CarePlanMeasureEvaluations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CarePlanMeasureEvaluations_CarePlans_CarePlanId] FOREIGN KEY ([CarePlanId]) REFERENCES [CarePlans] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [CarePlanVersions] (
        [Id] bigint NOT NULL IDENTITY,
        [CarePlanId] int NOT NULL,
        [Number] int NOT NULL,
        [Content] nvarchar(max) NOT NULL,
        [SavedById] nvarchar(64) NOT NULL,
        [SavedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_CarePlanVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CarePlanVersions_CarePlans_CarePlanId] FOREIGN KEY ([CarePlanId]) REFERENCES [CarePlans] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [ActionItems] (
        [Id] int NOT NULL IDENTITY,
        [ReferralId] int NOT NULL,
        [ContactNoteId] int NULL,
        [AgendaItemId] int NULL,
        [CreatedById] nvarchar(64) NOT NULL,
        [OwnerId] nvarchar(64) NOT NULL,
        [Description] nvarchar(500) NOT NULL,
        [DueDate] date NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [DoneAt] datetimeoffset NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ActionItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ActionItems_ContactNotes_ContactNoteId] FOREIGN KEY ([ContactNoteId]) REFERENCES [ContactNotes] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ActionItems_Referrals_ReferralId] FOREIGN KEY ([ReferralId]) REFERENCES [Referrals] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ActionItems_StaffMembers_OwnerId] FOREIGN KEY ([OwnerId]) REFERENCES [StaffMembers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MeldcodeEntries] (
        [Id] int NOT NULL IDENTITY,
        [TrackId] int NOT NULL,
        [Step] nvarchar(20) NOT NULL,
        [On] date NOT NULL,
        [ById] nvarchar(64) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [Summary] nvarchar(4000) NULL,
        [VeiligThuisConsulted] bit NULL,
        [Anonymous] bit NULL,
        [SkippedReason] nvarchar(4000) NULL,
        [Answers] nvarchar(max) NULL,
        [OrganiseHelp] bit NULL,
        [ReportToVeiligThuis] bit NULL,
        [Reference] nvarchar(100) NULL,
        CONSTRAINT [PK_MeldcodeEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeldcodeEntries_MeldcodeTracks_TrackId] FOREIGN KEY ([TrackId]) REFERENCES [MeldcodeTracks] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE TABLE [MeldcodeMembers] (
        [TrackId] int NOT NULL,
        [StaffMemberId] nvarchar(64) NOT NULL,
        [AddedById] nvarchar(64) NOT NULL,
        [AddedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_MeldcodeMembers] PRIMARY KEY ([TrackId], [StaffMemberId]),
        CONSTRAINT [FK_MeldcodeMembers_MeldcodeTracks_TrackId] FOREIGN KEY ([TrackId]) REFERENCES [MeldcodeTracks] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] ON;
    EXEC(N'INSERT INTO [AspNetRoles] ([Id], [ConcurrencyStamp], [Name], [NormalizedName])
    VALUES (N''role-admin'', N''role-admin'', N''Admin'', N''ADMIN''),
    (N''role-careworkera'', N''role-careworkera'', N''CareWorkerA'', N''CAREWORKERA''),
    (N''role-careworkerb'', N''role-careworkerb'', N''CareWorkerB'', N''CAREWORKERB''),
    (N''role-careworkerc'', N''role-careworkerc'', N''CareWorkerC'', N''CAREWORKERC''),
    (N''role-coordinator'', N''role-coordinator'', N''Coordinator'', N''COORDINATOR''),
    (N''role-mentor'', N''role-mentor'', N''Mentor'', N''MENTOR''),
    (N''role-privacyofficer'', N''role-privacyofficer'', N''PrivacyOfficer'', N''PRIVACYOFFICER''),
    (N''role-schoolleader'', N''role-schoolleader'', N''SchoolLeader'', N''SCHOOLLEADER'')');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'ConcurrencyStamp', N'Name', N'NormalizedName') AND [object_id] = OBJECT_ID(N'[AspNetRoles]'))
        SET IDENTITY_INSERT [AspNetRoles] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Accommodations_GrantedBy_ValidUntil] ON [Accommodations] ([GrantedById], [ValidUntil]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Accommodations_Pupil] ON [Accommodations] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionItems_ContactNoteId] ON [ActionItems] ([ContactNoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionItems_Owner_Status_Due] ON [ActionItems] ([OwnerId], [Status], [DueDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_ActionItems_ReferralId] ON [ActionItems] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Pupil] ON [AuditEntries] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_User_At] ON [AuditEntries] ([UserId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_CarePlanConsents_CarePlanId] ON [CarePlanConsents] ([CarePlanId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_CarePlanEvaluations_CarePlanId] ON [CarePlanEvaluations] ([CarePlanId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_CarePlanMeasureEvaluations_CarePlanId] ON [CarePlanMeasureEvaluations] ([CarePlanId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_CarePlans_Kind_Status_Responsible] ON [CarePlans] ([Kind], [Status], [ResponsibleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_CarePlans_PupilId] ON [CarePlans] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_CarePlans_Referral] ON [CarePlans] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_CarePlans_ResponsibleId] ON [CarePlans] ([ResponsibleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_CarePlanVersions_Plan_Number] ON [CarePlanVersions] ([CarePlanId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CareYearReports_LocationId_SchoolYearStart] ON [CareYearReports] ([LocationId], [SchoolYearStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_ContactNotes_Referral_Date] ON [ContactNotes] ([ReferralId], [Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_CustomIncidentCategories_Name] ON [CustomIncidentCategories] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_ExternalOrganisations_Name] ON [ExternalOrganisations] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_ExternalReferrals_OrganisationId] ON [ExternalReferrals] ([OrganisationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_ExternalReferrals_Referral] ON [ExternalReferrals] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Guardians_PupilId] ON [Guardians] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Handovers_Pupil] ON [Handovers] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Handovers_ReferralId] ON [Handovers] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_IncidentParticipants_Pupil] ON [IncidentParticipants] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Incidents_CustomCategoryId] ON [Incidents] ([CustomCategoryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Incidents_Location_OccurredAt] ON [Incidents] ([LocationId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_InterventionEnrolments_InterventionId] ON [InterventionEnrolments] ([InterventionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_InterventionEnrolments_Pupil] ON [InterventionEnrolments] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_InterventionEnrolments_ReferralId] ON [InterventionEnrolments] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_Interventions_Name] ON [Interventions] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_Locations_Board_Code] ON [Locations] ([BoardId], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingAddenda_MeetingId] ON [MeetingAddenda] ([MeetingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingAgendaItems_MeetingId] ON [MeetingAgendaItems] ([MeetingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingAgendaItems_Pupil] ON [MeetingAgendaItems] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingAgendaItems_ReferralId] ON [MeetingAgendaItems] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingExternalParticipants_MeetingId] ON [MeetingExternalParticipants] ([MeetingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Meetings_Location_StartsAt] ON [Meetings] ([LocationId], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeetingStaffParticipants_Staff] ON [MeetingStaffParticipants] ([StaffMemberId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeldcodeEntries_TrackId] ON [MeldcodeEntries] ([TrackId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_MeldcodeTracks_ReferralId] ON [MeldcodeTracks] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_MentorGroups_Location_Year_Name] ON [MentorGroups] ([LocationId], [SchoolYearStart], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Notifications_Recipient_Read] ON [Notifications] ([RecipientId], [ReadAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Protocols_OwnerId] ON [Protocols] ([OwnerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Protocols_ActiveTopic] ON [Protocols] ([Topic]) WHERE [IsActive] = 1 AND [Topic] <> N''Other''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_ProtocolVersions_Protocol_Number] ON [ProtocolVersions] ([ProtocolId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_PupilConsents_Pupil] ON [PupilConsents] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Pupils_Location_MentorGroup] ON [Pupils] ([LocationId], [MentorGroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Pupils_Location_SearchText] ON [Pupils] ([LocationId], [SearchText]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Pupils_MentorGroupId] ON [Pupils] ([MentorGroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_Pupils_Number] ON [Pupils] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Referrals_CareWorker_Status] ON [Referrals] ([AssignedCareWorkerId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Referrals_Location_Status] ON [Referrals] ([LocationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Referrals_Location_SubmittedAt] ON [Referrals] ([LocationId], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Referrals_Pupil] ON [Referrals] ([PupilId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_Referrals_ReferredBy] ON [Referrals] ([ReferredById]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_Referrals_RequestId] ON [Referrals] ([RequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_ReferralTransitions_ReferralId] ON [ReferralTransitions] ([ReferralId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_RetentionReviews_Location_Status] ON [RetentionReviews] ([LocationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [UX_RetentionReviews_Pupil_Kind] ON [RetentionReviews] ([PupilId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_StaffLocations_LocationId] ON [StaffLocations] ([LocationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    CREATE INDEX [IX_StaffMentorGroups_MentorGroupId] ON [StaffMentorGroups] ([MentorGroupId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    EXEC(N'CREATE TRIGGER [AuditEntries_no_update_or_delete] ON [AuditEntries]
    INSTEAD OF UPDATE, DELETE
    AS
    BEGIN
        SET NOCOUNT ON;
        THROW 50001, N''Het auditlog is alleen aan te vullen: regels wijzigen of verwijderen kan niet.'', 1;
    END;');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261208003947_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261208003947_Initial', N'10.0.15');
END;

COMMIT;
GO

