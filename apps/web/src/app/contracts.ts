/**
 * The API's shapes, taken from the zod schemas in @tributary/contracts. Types only: `import type`
 * is erased at build, so nothing of zod reaches the bundle. `Out` is what the API answers,
 * `In` what a request may send (defaults and optional fields left out).
 */
import type * as c from '@tributary/contracts'
import type { z } from 'zod'

type Out<S extends z.ZodType> = z.output<S>
type In<S extends z.ZodType> = z.input<S>

export type { Permission } from '@tributary/contracts'

export type Company = Out<typeof c.Company>
export type Me = Out<typeof c.Me>
export type LoginInput = In<typeof c.LoginBody>
export type LoginResult = Out<typeof c.LoginResult>

export type User = Out<typeof c.User>
export type CreateUserInput = In<typeof c.CreateUserBody>
export type UpdateUserInput = In<typeof c.UpdateUserBody>
export type Role = Out<typeof c.Role>
export type RoleInput = In<typeof c.CreateRoleBody>
export type PermissionInfo = Out<typeof c.PermissionInfo>
export type ApiKey = Out<typeof c.ApiKey>
export type CreateApiKeyInput = In<typeof c.CreateApiKeyBody>
export type CreatedApiKey = Out<typeof c.CreatedApiKey>
export type AuditEntry = Out<typeof c.AuditEntry>

export type Address = Out<typeof c.Address>
export type OfficeLocation = Out<typeof c.OfficeLocation>
export type OfficeLocationInput = In<typeof c.OfficeLocationBody>
export type MessageCampaign = Out<typeof c.MessageCampaign>
export type MessageCampaignInput = In<typeof c.MessageCampaignBody>
export type MessagePreview = Out<typeof c.MessageCampaignPreview>
export type Tag = Out<typeof c.Tag>
export type ReturnReason = Out<typeof c.ReturnReason>
export type ReturnReasonInput = In<typeof c.ReturnReasonBody>
export type QueueSettings = Out<typeof c.QueueSettings>

export type PartnerCompany = Out<typeof c.PartnerCompany>
export type CreatePartnerCompanyInput = In<typeof c.CreatePartnerCompanyBody>
export type UpdatePartnerCompanyInput = In<typeof c.UpdatePartnerCompanyBody>
export type QueuePriority = Out<typeof c.QueuePriority>
export type DeliveryMethod = Out<typeof c.DeliveryMethod>
export type PartnerKind = Out<typeof c.PartnerKind>
export type LeadLocationOnArrival = Out<typeof c.LeadLocationOnArrival>
export type Campaign = Out<typeof c.Campaign>
export type CampaignDirection = Out<typeof c.CampaignDirection>
export type CampaignInput = In<typeof c.CampaignBody>

export type LeadLocation = Out<typeof c.LeadLocation>
export type LeadFilters = Omit<In<typeof c.LeadQuery>, 'limit' | 'cursor'>
export type Lead = Out<typeof c.Lead>
export type BulkLeadsInput = In<typeof c.BulkLeadsBody>
export type BulkResult = Out<typeof c.BulkResult>
export type CreateLeadInput = In<typeof c.CreateLeadBody>
export type UpdateLeadInput = In<typeof c.UpdateLeadBody>
export type RequeueInput = In<typeof c.RequeueBody>
export type DuplicateMatch = Out<typeof c.DuplicateMatch>
export type QueueRequestResult = Out<typeof c.QueueRequestResult>
export type TimelineEvent = Out<typeof c.TimelineEvent>
export type LeadImport = Out<typeof c.Import>
export type ImportState = Out<typeof c.ImportState>
export type ImportSummary = Out<typeof c.ImportSummary>
export type ImportMapping = Out<typeof c.ImportMapping>

export type CustomerStatus = Out<typeof c.CustomerStatus>
/** A list's filters: its query without the page (limit, cursor). */
export type CustomerFilters = Omit<In<typeof c.CustomerQuery>, 'limit' | 'cursor'>
export type Customer = Out<typeof c.Customer>
export type BulkCustomersInput = In<typeof c.BulkCustomersBody>
export type CreateCustomerInput = In<typeof c.CreateCustomerBody>
export type UpdateCustomerInput = In<typeof c.UpdateCustomerBody>

export type ReturnLeadsInput = In<typeof c.ReturnLeadsBody>
export type ReturnOutcome = Out<typeof c.ReturnResult>
export type Mail = Out<typeof c.Mail>
export type MailState = Out<typeof c.MailState>

export type SellInput = Omit<In<typeof c.SellLeadsBody>, 'leadIds'>
export type SellResult = Out<typeof c.SellResult>
export type Delivery = Out<typeof c.Delivery>
export type DeliveryState = Out<typeof c.DeliveryState>
export type DeliveryFilters = Omit<In<typeof c.DeliveryQuery>, 'limit' | 'cursor'>
export type ConnectionCredentials = Out<typeof c.ConnectionCredentials>
export type ConnectionStatus = Out<typeof c.ConnectionStatus>
export type PostingSpec = Out<typeof c.PostingSpec>

export type Activity = Out<typeof c.Activity>
export type ActivityInput = In<typeof c.ActivityBody>
export type CallOutcome = Out<typeof c.CallOutcome>
export type CommentEntry = Out<typeof c.CommentEntry>
export type FollowUps = Out<typeof c.FollowUps>
export type QueueCounts = Out<typeof c.QueueCounts>
export type SourcesReport = Out<typeof c.SourcesReport>
export type SourcesReportRow = Out<typeof c.SourcesReportRow>
export type DailyReport = Out<typeof c.DailyReport>
export type RepsReport = Out<typeof c.RepsReport>
export type PartnerReport = Out<typeof c.PartnerReport>
export type TodayReport = Out<typeof c.TodayReport>
export type RuleField = Out<typeof c.RuleField>
export type RuleOperator = Out<typeof c.RuleOperator>
export type Rule = Out<typeof c.Rule>
export type RuleGroup = Out<typeof c.RuleGroup>
export type AutoRegistration = Out<typeof c.AutoRegistration>
export type AutoRegistrationInput = In<typeof c.AutoRegistrationBody>
export type RulePreview = Out<typeof c.RulePreview>
export type SalesRep = Out<typeof c.SalesRep>
export type SalesRepInput = In<typeof c.SalesRepBody>
export type IgnoredCompany = Out<typeof c.IgnoredCompany>
export type NotificationRecipients = Out<typeof c.NotificationRecipients>
export type NotificationRecipientsInput = In<typeof c.NotificationRecipientsBody>
export type LeadManagementSettings = Out<typeof c.LeadManagementSettings>
export type PartnerRules = Out<typeof c.PartnerRules>
export type DistributeInput = Omit<In<typeof c.DistributeLeadsBody>, 'leadIds'>
