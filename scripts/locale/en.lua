-- English player-facing text for Great Leap.
-- Facts follow the published works named in each policy and event file
-- (assets/data/works.csv, or research ids mapped there by sources.csv).
return {
  -- Game and scenario
  ["mod.base.name"] = "Great Leap",
  ["mod.base.description"] = "The Great Leap Forward, 1958-1962: the history as recorded, and the choices that made it.",
  ["scenario.1958.name"] = "1958: The Great Leap Forward",
  ["scenario.1958.desc"] = "January 1958 as it was: the Leap's campaigns arrive when they did, and the famine that followed is the record's.",

  -- Policy categories
  ["category.agriculture"] = "Agriculture",
  ["category.society"] = "Society",
  ["category.industry"] = "Industry",
  ["category.politics"] = "Politics",
  ["category.procurement"] = "Grain procurement",
  ["category.trade"] = "Foreign trade",
  ["category.reform"] = "Readjustment",
  ["category.other"] = "Other",

  -- Provinces (provincial-level units of 1958) and context areas
  ["province.beijing"] = "Beijing",
  ["province.hebei"] = "Hebei",
  ["province.shanxi"] = "Shanxi",
  ["province.neimenggu"] = "Inner Mongolia",
  ["province.liaoning"] = "Liaoning",
  ["province.jilin"] = "Jilin",
  ["province.heilongjiang"] = "Heilongjiang",
  ["province.shanghai"] = "Shanghai",
  ["province.jiangsu"] = "Jiangsu",
  ["province.zhejiang"] = "Zhejiang",
  ["province.anhui"] = "Anhui",
  ["province.fujian"] = "Fujian",
  ["province.jiangxi"] = "Jiangxi",
  ["province.shandong"] = "Shandong",
  ["province.henan"] = "Henan",
  ["province.hubei"] = "Hubei",
  ["province.hunan"] = "Hunan",
  ["province.guangdong"] = "Guangdong",
  ["province.guangxi"] = "Guangxi",
  ["province.sichuan"] = "Sichuan",
  ["province.guizhou"] = "Guizhou",
  ["province.yunnan"] = "Yunnan",
  ["province.xizang"] = "Tibet",
  ["province.shaanxi"] = "Shaanxi",
  ["province.gansu"] = "Gansu",
  ["province.qinghai"] = "Qinghai",
  ["province.ningxia"] = "Ningxia",
  ["province.xinjiang"] = "Xinjiang",
  ["province.taiwan"] = "Taiwan",

  -- Policies
  ["policy.anti_right_deviation.name"] = "Anti-Right Deviation Struggle",
  ["policy.anti_right_deviation.desc"] = "Launched at the Party plenum held at Lushan in August 1959, after Peng Dehuai's fall, against those who had questioned the Great Leap. Over three million Party members were purged or penalised. Afterwards few officials dared to report hunger or failing harvests.",

  ["policy.backyard_furnaces.name"] = "Backyard steel furnaces",
  ["policy.backyard_furnaces.desc"] = "From the summer of 1958, small furnaces were built in communes and city neighbourhoods to meet the steel target; in Henan alone some 3.6 million people were at work on them by mid-September. Labour was drawn away from the harvest, and much of the metal produced was of no use.",

  ["policy.close_planting.name"] = "Close planting",
  ["policy.close_planting.desc"] = "Promoted on the communes from 1958: seed was sown far more densely than normal, on the mistaken belief, drawn from the Soviet agronomist Trofim Lysenko, that plants of the same kind do not compete. The crowded crops did not yield more, and more seed grain was used up.",

  ["policy.communes.name"] = "People's communes",
  ["policy.communes.desc"] = "In 1958 agricultural cooperatives were merged into people's communes of thousands of households, hailed as \"the first sprouts of Communism\". Land, labour and, in the mess halls, meals were collectivised, and what a family received no longer depended on its own harvest.",

  ["policy.deep_ploughing.name"] = "Deep ploughing",
  ["policy.deep_ploughing.desc"] = "Promoted nationwide from 1958 after Mao praised the method used in Changge county, Henan. Fields were dug far deeper than usual in the belief that roots would grow larger; the work buried the fertile topsoil, cost a great deal of labour and did not raise yields.",

  ["policy.engineered_water_works.name"] = "Engineer-designed water works",
  ["policy.engineered_water_works.desc"] = "History did not take this path. Instead of mass campaigns, fewer irrigation and flood-control works would have been built, designed and supervised by trained engineers, taking fewer peasants away from their villages in winter.",

  ["policy.fallow_best_fields.name"] = "Concentrating on the best fields",
  ["policy.fallow_best_fields.desc"] = "From late 1958, moderately productive land was left unplanted so that manure and labour could be concentrated on the most fertile fields, in the belief that yields there would rise enough to make up the difference. The promised yields did not come, and the sown area shrank.",

  ["policy.free_supply.name"] = "Free supply of food",
  ["policy.free_supply.desc"] = "From the autumn of 1958, commune members were fed \"according to need\" rather than by the work they did; work points counted for only 30 per cent of a member's allotment. Food was eaten freely while the stores lasted, and the link between work and reward was weakened.",

  ["policy.general_line.name"] = "The General Line",
  ["policy.general_line.desc"] = "Adopted in May 1958 by the Second Session of the Eighth Party Congress: \"Go all out, aim high, and build socialism with greater, faster, better and more economical results.\" It put officials at every level under pressure to promise ever higher output.",

  ["policy.grain_exports.name"] = "Grain exports",
  ["policy.grain_exports.desc"] = "China was a net exporter of grain every year from 1950 to 1960, in part to repay loans from the Soviet Union. Net exports rose from about 2.7 million tonnes in 1958 to about 4.2 million tonnes in 1959, while famine spread in the countryside.",

  ["policy.granaries_closed.name"] = "State granaries kept closed",
  ["policy.granaries_closed.desc"] = "As reports of hunger reached the centre in 1959, the state granaries were not opened to the famine areas. Reports of shortages were dismissed, and \"well-to-do middle peasants\" and production teams were accused of hiding grain and sharing it out in secret.",

  ["policy.household_quotas.name"] = "Household production quotas",
  ["policy.household_quotas.desc"] = "Households responsible for a production quota, keeping what they grow beyond it. It began as Zeng Xisheng's \"responsibility fields\" in Anhui in March 1961, spread across that province and beyond, and was condemned in 1962; it never became national policy until the reforms after 1978.",

  ["policy.industrial_recruitment.name"] = "Peasants recruited into industry",
  ["policy.industrial_recruitment.desc"] = "From 1958 millions of peasants were recruited into factories, mines and building sites, and every new town dweller had to be fed from grain procured in the countryside. The towns had about 99.5 million people in 1957; even after years of sending workers back, they still had about 116.6 million in 1962.",

  ["policy.mess_halls.name"] = "Communal mess halls",
  ["policy.mess_halls.desc"] = "With the communes came public dining halls: by the end of 1958 some 3.45 million of them served more than 90 per cent of the rural population. People ate freely while the stores lasted; when the grain ran out, households that had given up their own food and cooking pots had nothing to fall back on.",

  ["policy.open_granaries.name"] = "Open the state granaries",
  ["policy.open_granaries.desc"] = "History did not take this path. The state granaries would have been opened to the famine areas, with relief judged by what peasants actually had rather than by the inflated harvest reports.",

  ["policy.private_plots_abolished.name"] = "Private plots abolished",
  ["policy.private_plots_abolished.desc"] = "In 1958, as the communes were formed, peasants' private plots were taken away and local markets were closed. The plots had supplied households with vegetables, pigs and poultry.",

  ["policy.private_plots_restored.name"] = "Private plots restored",
  ["policy.private_plots_restored.desc"] = "Part of the emergency policies that followed the Ninth Plenum of January 1961: private plots were given back to peasants and local markets reopened, so that households could again grow and buy food outside the collective.",

  ["policy.rising_quotas.name"] = "Rising procurement quotas",
  ["policy.rising_quotas.desc"] = "Quotas for state grain purchases were set on the inflated harvest reports, and local cadres raised them further to equal the \"Sputnik\" model. Procurement rose from about a quarter of output in 1958 to more than a third in 1959, and in many places seed grain and food grain were taken with it.",

  ["policy.send_workers_home.name"] = "Urban workers sent back",
  ["policy.send_workers_home.desc"] = "From 1961 workers recruited during the Leap were sent back to the villages, to reduce the number of people fed from state grain. The towns still had about 116.6 million people in 1962.",

  ["policy.sideline_occupations.name"] = "Sideline occupations allowed",
  ["policy.sideline_occupations.desc"] = "Part of the emergency policies of 1961: peasants were again allowed household sideline work, such as raising animals and handicrafts, which added to their food and income outside the collective.",

  ["policy.smaller_communes.name"] = "Smaller communes",
  ["policy.smaller_communes.desc"] = "From 1961 the vast communes were split: about 24,000 communes became about 74,000, so that what people received depended more closely on the work of those around them. The communes themselves lasted until 1983.",

  ["policy.sparrow_campaign.name"] = "Campaign against sparrows",
  ["policy.sparrow_campaign.desc"] = "From 1958 the whole population was mobilised against the Four Pests: rats, sparrows, flies and mosquitoes. Sparrows were chased until they dropped from exhaustion; with fewer birds to eat them, insect pests multiplied in the fields.",

  ["policy.verify_harvests.name"] = "Verified harvests",
  ["policy.verify_harvests.desc"] = "History did not take this path. Grain would have been procured on harvests checked by inspection teams, rather than on the figures that cadres reported under political pressure.",

  ["policy.water_conservancy.name"] = "Mass water conservancy campaign",
  ["policy.water_conservancy.desc"] = "From the winter of 1957-1958, peasants were mobilised in huge numbers to build dams, reservoirs and dykes, relying on mass labour rather than on engineers. The works took labour from the villages each winter, and many of them later failed.",

  -- Events
  ["event.anti_concealment.title"] = "The drive against hidden grain, February 1959",
  ["event.anti_concealment.text"] = "In February 1959 Mao endorsed a report by Zhao Ziyang on uncovering \"concealed\" grain in Leinan county, Guangdong. Campaigns against the concealment and private sharing-out of grain spread across the country. Shortfalls were blamed on peasants hiding grain, and the searches took what little they had left, seed grain included.",
  ["event.anti_concealment.option.search_for_hidden_grain"] = "Search the villages for hidden grain",
  ["event.anti_concealment.option.believe_the_peasants"] = "Accept that the grain is not there",

  ["event.anti_right.title"] = "The Anti-Right Deviation Struggle, August 1959",
  ["event.anti_right.text"] = "After Peng Dehuai's fall, the Party plenum held at Lushan in August 1959 launched a struggle against \"right deviation\". Those who had questioned the Great Leap were attacked, and over three million Party members were purged or penalised. The tentative retreat from the Leap's excesses in the first half of 1959 came to an end.",
  ["event.anti_right.option.launch_the_struggle"] = "Launch the struggle throughout the Party",
  ["event.anti_right.option.keep_it_at_lushan"] = "Confine the matter to Lushan",

  ["event.beidaihe_steel.title"] = "The steel target, Beidaihe, August 1958",
  ["event.beidaihe_steel.text"] = "In August 1958 an enlarged Politburo meeting at Beidaihe set the year's steel target at 10.7 million tonnes, double the 5.35 million tonnes produced in 1957. By then only about 4 million tonnes had been made that year. Meeting the target in the months that remained would mean mobilising the whole country.",
  ["event.beidaihe_steel.option.backyard_furnaces"] = "Build furnaces in every commune",
  ["event.beidaihe_steel.option.modern_plants_only"] = "Rely on the modern steel plants",

  ["event.cadres_replaced.title"] = "Officials who saw the hunger",
  ["event.cadres_replaced.text"] = "In this province, as elsewhere, some Party officials have seen the suffering in the villages at first hand. Across China, some such officials took their own lives; others were replaced by cadres who had no such qualms.",
  ["event.cadres_replaced.option.replace_them"] = "Replace them with more zealous cadres",
  ["event.cadres_replaced.option.hear_them_out"] = "Hear what they have seen",

  ["event.chayashan.title"] = "The Chayashan collective, Henan, 1958",
  ["event.chayashan.text"] = "At Chayashan in Henan, cooperatives were merged into a single collective of about 9,400 households, later known as the \"Sputnik\" (Weixing) commune. Mao hailed a Henan report on a \"people's commune\" as \"an extraordinary event\", and cadres across China hurried to equal it.",
  ["event.chayashan.option.hail_as_model"] = "Hail it as a model for the country",
  ["event.chayashan.option.wait_and_see"] = "Wait and see how it fares",

  ["event.close_planting.title"] = "Close planting, 1958",
  ["event.close_planting.text"] = "On the communes, seed was to be sown far more densely than normal, on the belief, taken from the Soviet agronomist Trofim Lysenko, that plants of the same kind do not compete with one another. The method was promoted from above; crowded seedlings used more seed grain and did not yield more.",
  ["event.close_planting.option.promote"] = "Promote close planting on the communes",
  ["event.close_planting.option.ask_agronomists"] = "Ask the agronomists to test it first",

  ["event.communes_are_good.title"] = "\"People's communes are good\", August 1958",
  ["event.communes_are_good.text"] = "On 6 August 1958 Mao visited the Qiliying commune in Xinxiang, Henan; on 9 August, in Shandong, he said \"People's communes are good\". Later that month the enlarged Politburo meeting at Beidaihe resolved to set them up everywhere; by December, official accounts claimed, more than 120 million households, 99 per cent of the peasantry, had joined. Private plots were taken away, local markets closed and communal mess halls opened.",
  ["event.communes_are_good.option.communes_everywhere"] = "Set up communes across the country",
  ["event.communes_are_good.option.keep_cooperatives"] = "Keep the existing cooperatives",

  ["event.dams_give_way.title"] = "Dams give way in the rains",
  ["event.dams_give_way.text"] = "Dams and dykes built in haste by mass labour, without proper engineering, are giving way in this province in the rainy season. The fields and villages below them are flooded, and the labour of the winter is lost.",
  ["event.dams_give_way.option.blame_saboteurs"] = "Blame saboteurs and keep building",
  ["event.dams_give_way.option.call_the_engineers"] = "Call in engineers to rebuild the works",

  ["event.deep_ploughing_praise.title"] = "Deep ploughing, autumn 1958",
  ["event.deep_ploughing_praise.text"] = "In May 1958 Mao called the deep ploughing of Changge county, Henan, an \"invention\". In July the Ministry of Agriculture held an on-site meeting in Changge, and in August the Party Centre issued a directive on deep ploughing and soil improvement. That autumn, fields across the country were to be dug far deeper than usual, burying the fertile topsoil.",
  ["event.deep_ploughing_praise.option.promote_nationwide"] = "Promote deep ploughing nationwide",
  ["event.deep_ploughing_praise.option.field_trials_only"] = "Limit it to field trials",

  ["event.five_meals.title"] = "Five meals a day, autumn 1958",
  ["event.five_meals.text"] = "Buoyed by the reported harvests, Mao encouraged peasants to eat not three but five meals a day, and to have more children. In the communes food was given \"according to need\", and work points counted for only 30 per cent of a member's allotment. In many mess halls the grain ran down long before the next harvest.",
  ["event.five_meals.option.eat_your_fill"] = "Let the mess halls serve freely",
  ["event.five_meals.option.keep_work_points"] = "Keep food tied to work points",

  ["event.foreign_aid.title"] = "Offers of help from abroad, 1960",
  ["event.foreign_aid.text"] = "As famine spread, China remained a net exporter of grain and refused foreign aid, anxious to save face and to show the world that the Great Leap had succeeded. Large purchases of grain abroad did not begin until 1961.",
  ["event.foreign_aid.option.refuse"] = "Refuse all foreign help",
  ["event.foreign_aid.option.accept_help"] = "Accept help and buy grain now",

  ["event.four_pests.title"] = "The Four Pests campaign, spring 1958",
  ["event.four_pests.text"] = "In 1958 Mao urged \"the whole people, including five-year-old children\" to mobilise against the Four Pests: rats, sparrows, flies and mosquitoes. The drive against sparrows peaked in March and April 1958: they were blamed for eating grain, chased until they dropped from exhaustion, and those who killed the most were praised as model citizens.",
  ["event.four_pests.option.include_sparrows"] = "Include sparrows among the pests",
  ["event.four_pests.option.spare_sparrows"] = "Leave sparrows off the list",

  ["event.furnace_fuel.title"] = "Feeding the furnaces, autumn 1958",
  ["event.furnace_fuel.text"] = "To fuel the furnaces, trees were cut down across the countryside and wood was taken from the doors and furniture of peasants' houses. Pots, pans and other metal objects were requisitioned as \"scrap\" to meet the targets. Households left without cooking pots came to depend on the mess halls.",
  ["event.furnace_fuel.option.requisition_everything"] = "Requisition wood and metal from households",
  ["event.furnace_fuel.option.spare_households"] = "Spare household pots and furniture",

  ["event.furnaces_abandoned.title"] = "The furnaces go cold, early 1959",
  ["event.furnaces_abandoned.text"] = "Much of what the backyard furnaces produced was brittle, impure pig iron of little economic value. From the Wuchang plenum of December 1958 the campaign was wound down, without any public reversal, and by the spring of 1959 most of the furnaces had gone cold.",
  ["event.furnaces_abandoned.option.let_them_lapse"] = "Let the furnaces quietly lapse",
  ["event.furnaces_abandoned.option.keep_going"] = "Keep the furnaces burning",

  ["event.general_line.title"] = "The General Line, May 1958",
  ["event.general_line.text"] = "From 5 to 23 May 1958, the Second Session of the Eighth Party Congress adopted the General Line: \"Go all out, aim high, and build socialism with greater, faster, better and more economical results.\" It became the watchword of the Great Leap Forward.",
  ["event.general_line.option.adopt"] = "Adopt the General Line",
  ["event.general_line.option.moderate_pace"] = "Keep to a more moderate pace",

  ["event.grain_exports.title"] = "The year's grain export plan",
  ["event.grain_exports.text"] = "Each year the state decided how much grain to sell abroad, in part to repay loans from the Soviet Union. China was a net exporter every year from 1950 to 1960; net exports rose from about 2.7 million tonnes in 1958 to about 4.2 million tonnes in 1959, even as famine spread. The grain came from procurement in the villages.",
  ["event.grain_exports.option.export_as_planned"] = "Export grain as planned",
  ["event.grain_exports.option.export_what_can_be_spared"] = "Export only what can be spared",
  ["event.grain_exports.option.stop_exports"] = "Stop grain exports altogether",

  ["event.grain_imports.title"] = "Grain from Canada and Australia, 1961",
  ["event.grain_imports.text"] = "In early 1961 China began to buy grain abroad: first from Australia, then, in February, from Canada, for cash; a longer-term Canadian sale on credit followed later in the year. In 1961 China became a net importer of grain. The imports eased shortages mainly in the coastal cities.",
  ["event.grain_imports.option.buy_abroad"] = "Buy grain from abroad",
  ["event.grain_imports.option.no_imports"] = "Do without grain imports",

  ["event.granaries.title"] = "The state granaries, late 1959",
  ["event.granaries.text"] = "By late 1959 reports of hunger were reaching the centre. Mao refused to open the state granaries: reports of shortages were dismissed, and \"well-to-do middle peasants\" and production teams were accused of hiding grain and sharing it out in secret. Grain continued to be sent to the cities and abroad.",
  ["event.granaries.option.keep_them_closed"] = "Keep the granaries closed",
  ["event.granaries.option.open_the_granaries"] = "Open the granaries to famine areas",

  ["event.harvest_claims.title"] = "The harvest claims, winter 1958",
  ["event.harvest_claims.text"] = "The Party plenum held at Wuchang from 28 November to 10 December 1958 announced the year's grain harvest as 375 million tonnes; in August 1959 the figure was cut to 250 million. The early official series later put the 1958 harvest at 200 million tonnes. Quotas for state grain purchases were set on the inflated claims.",
  ["event.harvest_claims.option.accept_and_raise_quotas"] = "Accept the figures and raise quotas",
  ["event.harvest_claims.option.order_a_recount"] = "Order the harvests checked",

  ["event.hefei_furnace.title"] = "A furnace in Hefei, September 1958",
  ["event.hefei_furnace.text"] = "In September 1958, in Hefei, Anhui, Mao was shown a backyard furnace said to be producing high-quality steel. The claim was not tested. Furnaces of this kind turned out mostly low-grade lumps of pig iron.",
  ["event.hefei_furnace.option.praise_it"] = "Praise the furnace as a model",
  ["event.hefei_furnace.option.test_the_steel"] = "Have the steel tested",

  ["event.imports_1962.title"] = "Grain imports continue, 1962",
  ["event.imports_1962.text"] = "In 1962 China remained a net importer of grain as the countryside slowly recovered. The imported grain went mainly to the cities, easing the demands on the villages.",
  ["event.imports_1962.option.keep_buying"] = "Keep buying grain abroad",
  ["event.imports_1962.option.stop_buying"] = "Stop the grain purchases",

  ["event.japan_wheat.title"] = "An offer of Japanese wheat",
  ["event.japan_wheat.text"] = "According to one account, that of the journalist Jasper Becker, Japan's foreign minister told Foreign Minister Chen Yi that Japan could ship 100,000 tons of wheat to China out of public view, and the offer was rebuffed. The account has not been confirmed by other sources.",
  ["event.japan_wheat.option.rebuff"] = "Rebuff the offer",
  ["event.japan_wheat.option.accept"] = "Accept the wheat quietly",

  ["event.leave_land_fallow.title"] = "Leaving land unplanted, late 1958",
  ["event.leave_land_fallow.text"] = "Late in 1958 moderately productive land was to be left unplanted, in the belief that concentrating manure and labour on the most fertile fields would raise yields there enough to make up for it. The promised yields did not come, and the area sown to grain shrank.",
  ["event.leave_land_fallow.option.concentrate"] = "Concentrate on the best fields",
  ["event.leave_land_fallow.option.sow_every_field"] = "Sow every field as before",

  ["event.drought_1960.title"] = "Drought and floods, 1960-1961",
  ["event.drought_1960.text"] = "Drought parches the north and floods strike elsewhere. The Party will call these \"three years of natural disasters\". The weather was worse than usual, but historians find it far from the catastrophe the Party claimed: in 1962 Liu Shaoqi himself put the famine at 30% natural causes and 70% human error.",
  ["event.drought_1960.option.endure"] = "The harvest will suffer",
  ["event.locusts.title"] = "Pests in the fields",
  ["event.locusts.text"] = "With sparrows killed in great numbers, the insects the birds once ate are multiplying in this province's fields. Many accounts describe swarms of locusts damaging the crops, although the scale of the outbreaks is poorly documented.",
  ["event.locusts.option.fight_them_by_hand"] = "Mobilise villagers to fight them by hand",
  ["event.locusts.option.end_the_sparrow_campaign"] = "End the campaign against sparrows",

  ["event.lushan.title"] = "The Lushan Conference, July 1959",
  ["event.lushan.text"] = "At the Lushan Conference, Defence Minister Peng Dehuai wrote to Mao about the real state of the countryside and the excesses of the Great Leap. Mao treated the letter as an attack. Huang Kecheng, Zhang Wentian and Zhou Xiaozhou, who had backed Peng, fell with him; Peng was accused of sabotaging socialism and replaced as Minister of Defence by Lin Biao. After Lushan, few dared to question Mao's judgement.",
  ["event.lushan.option.purge_peng"] = "Purge Peng Dehuai",
  ["event.lushan.option.listen_to_peng"] = "Heed Peng Dehuai's warning",

  ["event.manchuria_steelworks.title"] = "A steelworks in Manchuria, January 1959",
  ["event.manchuria_steelworks.text"] = "According to one account, that of Mao's doctor Li Zhisui, Mao learned on a visit to a steelworks in Manchuria in January 1959 that good steel could be made only in large plants using reliable fuel such as coal, and decided not to halt the backyard furnaces, so as not to dampen the enthusiasm of the masses.",
  ["event.manchuria_steelworks.option.keep_the_furnaces"] = "Keep the backyard furnaces going",
  ["event.manchuria_steelworks.option.halt_the_furnaces"] = "Halt the backyard furnaces",

  ["event.ninth_plenum.title"] = "The Ninth Plenum, January 1961",
  ["event.ninth_plenum.text"] = "From 14 to 18 January 1961, the Ninth Plenum of the Eighth Central Committee adopted the policy of \"adjustment, consolidation, filling-out and raising standards\". The communes stayed, but were split into smaller ones; private plots, rural markets and sideline occupations came back, and the Leap's farming methods were given up. The mess halls closed only after the revised Sixty Articles of mid-1961.",
  ["event.ninth_plenum.option.adjust_and_consolidate"] = "Adopt the policy of adjustment",
  ["event.ninth_plenum.option.stay_the_course"] = "Stay the course of the Leap",

  ["event.one_third.title"] = "\"Up to a third\", March 1959",
  ["event.one_third.text"] = "At a Party meeting on 25 March 1959, Mao said of grain procurement: \"If you don't go above a third, people won't rebel.\" In the famine years the state took 30 to 37 per cent of the harvest, against 20 to 25 per cent in earlier years, and the quotas planned on the inflated 1958 claims still stood.",
  ["event.one_third.option.up_to_a_third"] = "Procure up to a third",
  ["event.one_third.option.lower_the_quotas"] = "Lower the procurement quotas",

  ["event.overtake_britain.title"] = "Overtaking Britain, June 1958",
  ["event.overtake_britain.text"] = "In 1957 Mao had set the goal of overtaking Britain in steel within fifteen years. In June 1958, told that output could be doubled, he said it would take two or three years. The goal drove the steel target of 10.7 million tonnes, double 1957's, that the Beidaihe meeting adopted in August.",
  ["event.overtake_britain.option.three_years"] = "Aim to overtake Britain in two or three years",
  ["event.overtake_britain.option.fifteen_years"] = "Hold to the fifteen-year goal",

  ["event.peoples_daily_photo.title"] = "A photograph in the People's Daily, 1958",
  ["event.peoples_daily_photo.text"] = "To allay peasants' doubts about the new methods, the People's Daily published a photograph of children lying on top of a rice crop said to have been grown by the new techniques, so dense that it seemed to bear their weight. The photograph had been doctored.",
  ["event.peoples_daily_photo.option.publish"] = "Publish the photograph",
  ["event.peoples_daily_photo.option.withhold"] = "Withhold the photograph",

  ["event.seven_thousand.title"] = "The Seven Thousand Cadres Conference, January 1962",
  ["event.seven_thousand.text"] = "From 11 January to 7 February 1962, more than 7,000 officials met in Beijing to review the Great Leap. Liu Shaoqi attributed the disaster 30 per cent to natural causes and 70 per cent to human error, and Mao made a self-criticism. The Party's credibility had been badly damaged.",
  ["event.seven_thousand.option.self_criticism"] = "Make a self-criticism",
  ["event.seven_thousand.option.blame_the_weather"] = "Blame the weather",

  ["event.shandong_riots.title"] = "Hunger in Shandong, spring 1959",
  ["event.shandong_riots.text"] = "Months before the Lushan Conference, Shandong was already starving. In Yang Jisheng's account of the provincial records, 839,925 cases of hunger oedema were counted from January to April 1959 (the count may cover Jining prefecture alone), and Zhao Jianmin later put the abnormal deaths from the winter of 1958 to mid-1960 at 650,000, with 1.09 million people fleeing.",
  ["event.shandong_riots.option.suppress"] = "Treat it as unrest and press on",
  ["event.shandong_riots.option.send_relief_grain"] = "Send relief grain to the villages",

  ["event.sichuan_transfers.title"] = "Grain sent out of Sichuan, 1959-1961",
  ["event.sichuan_transfers.text"] = "Sichuan, under its first secretary Li Jingquan, was ordered to send large quantities of grain to other provinces and the cities, and sent most of what was asked even as its own villages starved. The historian Cao Shuji estimates excess deaths in Sichuan in 1958-1962 at 9.4 million, 13 per cent of its pre-famine population.",
  ["event.sichuan_transfers.option.send_the_grain"] = "Send the grain out of the province",
  ["event.sichuan_transfers.option.keep_it_in_sichuan"] = "Keep the grain in Sichuan",

  ["event.soviet_experts.title"] = "The Soviet experts leave, 1960",
  ["event.soviet_experts.text"] = "In 1960, as relations between China and the Soviet Union broke down, the Soviet experts working in China were withdrawn. China was left to carry on its industrial projects alone.",
  ["event.soviet_experts.option.self_reliance"] = "Carry on through self-reliance",

  ["event.sparrows_spared.title"] = "Sparrows off the list, 1960",
  ["event.sparrows_spared.text"] = "In 1960, after scientists pointed out that sparrows eat insects as well as grain, sparrows were removed from the list of the Four Pests. The campaign against the other pests went on.",
  ["event.sparrows_spared.option.take_them_off_the_list"] = "Take sparrows off the list",
  ["event.sparrows_spared.option.keep_the_campaign"] = "Keep up the campaign against sparrows",

  ["event.sputnik_yields.title"] = "\"Satellite\" yields, summer 1958",
  ["event.sputnik_yields.text"] = "From June 1958 the People's Daily reported ever higher \"satellite\" yields, named after the Soviet Sputnik. On 8 June it reported 2,105 jin of wheat per mu from a cooperative in Suiping county, Henan; by late September a commune in Huanjiang county, Guangxi, claimed 130,435 jin of rice per mu. Under pressure from above, local cadres competed to announce ever larger figures.",
  ["event.sputnik_yields.option.celebrate"] = "Celebrate the record yields",
  ["event.sputnik_yields.option.send_inspectors"] = "Send inspectors to check the claims",

  ["event.statistics_destroyed.title"] = "Statistics destroyed",
  ["event.statistics_destroyed.text"] = "Where the fall in population had become evident, the authorities ordered the statistics destroyed. In this province, too, the record of the deaths is at stake.",
  ["event.statistics_destroyed.option.destroy_them"] = "Destroy the population records",
  ["event.statistics_destroyed.option.report_the_truth"] = "Report the true figures",

  ["event.urgent_letter.title"] = "The Urgent Directive Letter, November 1960",
  ["event.urgent_letter.text"] = "In November 1960 the Central Committee issued its \"Urgent Directive Letter on Current Policy Questions in Rural People's Communes\". It began the retreat from the communal excesses of the Great Leap; food was again to be distributed mainly according to work.",
  ["event.urgent_letter.option.issue_the_letter"] = "Issue the urgent directive letter",
  ["event.urgent_letter.option.stay_the_course"] = "Stay the course of the Leap",

  ["event.water_conservancy_drive.title"] = "The water conservancy campaign, winter 1957-1958",
  ["event.water_conservancy_drive.text"] = "In the winter of 1957-1958, idle peasants were mobilised to build dams, reservoirs and dykes. Engineers, dismissed as impractical bookworms, had little say; the works relied on mass labour and revolutionary enthusiasm. With the men away at the works, women took their place in the fields.",
  ["event.water_conservancy_drive.option.mobilise_masses"] = "Mobilise the masses for the works",
  ["event.water_conservancy_drive.option.engineers_first"] = "Let engineers plan fewer, safer works",

  ["event.xinyang.title"] = "The Xinyang Incident, 1959-1960",
  ["event.xinyang.text"] = "In Xinyang prefecture, Henan, between October 1959 and April 1960, the local authorities took the grain to meet procurement quotas and prevented peasants from fleeing in search of food. About one million people died, in a prefecture of some 8.5 million.",
  ["event.xinyang.option.meet_the_quota"] = "Meet the quota whatever the cost",
  ["event.xinyang.option.stop_the_seizures"] = "Stop the seizures and send relief",

  ["event.xinyang_relief.title"] = "The army in Xinyang, early 1961",
  ["event.xinyang_relief.text"] = "According to the journalist Jasper Becker, about 30,000 troops were sent into Xinyang in early 1961. They opened the state granaries, handed out food and winter clothing, and arrested the prefecture's leaders.",
  ["event.xinyang_relief.option.send_the_army"] = "Send in the army",
  ["event.xinyang_relief.option.leave_it_to_the_province"] = "Leave it to the provincial authorities",
  ["policy.team_accounting.name"] = "The team keeps the accounts",
  ["policy.team_accounting.desc"] = "From 1962 the production team, a village of twenty to thirty households, rather than the commune, became the basic accounting unit: what a family received depended again on the work of its neighbours. The communes themselves lasted until 1983.",
  ["event.sixty_articles.title"] = "The mess halls close, June 1961",
  ["event.sixty_articles.text"] = "In May and June 1961 the revised Sixty Articles on the rural people's communes let members decide whether to keep their mess halls. Across the country the halls closed and families cooked at home again.",
  ["event.sixty_articles.option.close_the_mess_halls"] = "Let the mess halls close",
  ["event.sixty_articles.option.keep_the_mess_halls"] = "Keep the mess halls",
  ["event.team_accounting.title"] = "Accounts to the production team, 1962",
  ["event.team_accounting.text"] = "In February 1962 the Centre made the production team, not the commune or the brigade, the basic unit that kept the accounts and shared out the harvest.",
  ["event.team_accounting.option.accounts_to_the_team"] = "Give the accounts to the teams",
  ["event.team_accounting.option.accounts_stay_with_the_commune"] = "Keep the accounts with the commune",
  ["event.ration_cut_1960.title"] = "Rations cut, September 1960",
  ["event.ration_cut_1960.text"] = "On 7 September 1960 the Central Committee ordered rural and town rations lowered. Li Xiannian told a telephone conference that the national average town ration of 29.5 jin a month would be cut by 2 jin.",
  ["event.ration_cut_1960.option.cut_the_rations"] = "Cut the town rations",
  ["event.ration_cut_1960.option.keep_the_rations"] = "Keep the town rations",
  ["event.hunan_leadership.title"] = "Hunan's leader falls with Peng, 1959",
  ["event.hunan_leadership.text"] = "Hunan's first secretary Zhou Xiaozhou had backed Peng Dehuai at Lushan. He was purged with him, and Zhang Pinghua, who pressed the Leap on, took over the province.",
  ["event.hunan_leadership.option.replace_zhou_xiaozhou"] = "Replace Zhou Xiaozhou",
  ["event.hunan_leadership.option.keep_zhou_xiaozhou"] = "Keep Zhou Xiaozhou",
  ["event.gansu_leadership.title"] = "Gansu's leader removed, December 1960",
  ["event.gansu_leadership.text"] = "After the deaths in Tongwei county and elsewhere in Gansu came to light, the Centre removed the province's first secretary, Zhang Zhongliang.",
  ["event.gansu_leadership.option.remove_zhang_zhongliang"] = "Remove Zhang Zhongliang",
  ["event.gansu_leadership.option.keep_zhang_zhongliang"] = "Keep Zhang Zhongliang",
  ["event.anhui_responsibility_fields.title"] = "Responsibility fields in Anhui, March 1961",
  ["event.anhui_responsibility_fields.text"] = "In March 1961 Anhui's first secretary Zeng Xisheng let households farm \"responsibility fields\" and keep what they grew above a quota. The experiment spread across the province; it was condemned in 1962 and never became national policy.",
  ["event.anhui_responsibility_fields.option.responsibility_fields"] = "Allow responsibility fields",
  ["event.anhui_responsibility_fields.option.collective_fields_only"] = "Keep the fields collective",
}
