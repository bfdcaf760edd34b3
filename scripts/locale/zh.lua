-- 《大跃进》简体中文文本。
-- 史实依据各政策、事件文件中列出的已出版著作（assets/data/works.csv，
-- 或经 sources.csv 对应到著作的研究编号）。
return {
  -- 游戏与剧本
  ["mod.base.name"] = "大跃进",
  ["mod.base.description"] = "1958—1962年的大跃进：史料记载的历史，以及造就这段历史的抉择。",
  ["scenario.1958.name"] = "1958年：大跃进",
  ["scenario.1958.desc"] = "1958年1月的原貌：大跃进的各项运动按历史时间到来，随后的饥荒以史料记录为准。",

  -- 政策类别
  ["category.agriculture"] = "农业",
  ["category.society"] = "社会",
  ["category.industry"] = "工业",
  ["category.politics"] = "政治",
  ["category.procurement"] = "粮食征购",
  ["category.trade"] = "对外贸易",
  ["category.reform"] = "调整",
  ["category.other"] = "其他",

  -- 省份（1958年的省级行政单位）及相关地区
  ["province.beijing"] = "北京",
  ["province.hebei"] = "河北",
  ["province.shanxi"] = "山西",
  ["province.neimenggu"] = "内蒙古",
  ["province.liaoning"] = "辽宁",
  ["province.jilin"] = "吉林",
  ["province.heilongjiang"] = "黑龙江",
  ["province.shanghai"] = "上海",
  ["province.jiangsu"] = "江苏",
  ["province.zhejiang"] = "浙江",
  ["province.anhui"] = "安徽",
  ["province.fujian"] = "福建",
  ["province.jiangxi"] = "江西",
  ["province.shandong"] = "山东",
  ["province.henan"] = "河南",
  ["province.hubei"] = "湖北",
  ["province.hunan"] = "湖南",
  ["province.guangdong"] = "广东",
  ["province.guangxi"] = "广西",
  ["province.sichuan"] = "四川",
  ["province.guizhou"] = "贵州",
  ["province.yunnan"] = "云南",
  ["province.xizang"] = "西藏",
  ["province.shaanxi"] = "陕西",
  ["province.gansu"] = "甘肃",
  ["province.qinghai"] = "青海",
  ["province.ningxia"] = "宁夏",
  ["province.xinjiang"] = "新疆",
  ["province.taiwan"] = "台湾",

  -- 政策
  ["policy.anti_right_deviation.name"] = "反右倾运动",
  ["policy.anti_right_deviation.desc"] = "1959年8月彭德怀倒台后，在庐山召开的八届八中全会发起反右倾运动，矛头指向对大跃进提出疑问的人。三百多万党员受到整肃或处分。此后，很少有干部再敢如实报告饥荒和歉收。",

  ["policy.backyard_furnaces.name"] = "土高炉大炼钢铁",
  ["policy.backyard_furnaces.desc"] = "1958年夏起，为完成钢铁指标，各公社和城市街道纷纷建起土高炉；到9月中旬，仅河南一省就有约360万人投入炼钢。大批劳力被抽离秋收，炼出的金属多半毫无用处。",

  ["policy.close_planting.name"] = "密植",
  ["policy.close_planting.desc"] = "1958年起在各公社推广：播种密度远超常规，依据的是源自苏联农学家李森科的错误观点，即同类植物之间不会相互竞争。过密的庄稼并未增产，反而多耗了种子粮。",

  ["policy.communes.name"] = "人民公社",
  ["policy.communes.desc"] = "1958年，农业合作社合并为动辄数千户的人民公社，被誉为“共产主义的萌芽”。土地、劳力以及公共食堂里的饭食都实行集体化，一家人的所得不再取决于自家的收成。",

  ["policy.deep_ploughing.name"] = "深翻土地",
  ["policy.deep_ploughing.desc"] = "毛泽东称赞河南长葛县的深翻经验后，1958年起在全国推广。人们相信翻得越深，作物根系就越发达，于是把土地翻得远深于常规；结果肥沃的表土被埋到下面，耗费了大量劳力，却没有增产。",

  ["policy.engineered_water_works.name"] = "由工程师设计的水利",
  ["policy.engineered_water_works.desc"] = "历史并未走这条路。这一设想是不搞群众运动，而由专业工程师设计和监督，修建数量较少的灌溉和防洪工程，冬季从村里抽调的农民也会少得多。",

  ["policy.fallow_best_fields.name"] = "集中耕种高产田",
  ["policy.fallow_best_fields.desc"] = "1958年底起，一般耕地被撂荒不种，以便把肥料和劳力集中到最肥沃的田地上，人们相信那里的增产足以弥补损失。预期的高产并未出现，播种面积却缩小了。",

  ["policy.free_supply.name"] = "粮食供给制",
  ["policy.free_supply.desc"] = "1958年秋起，公社社员“按需”吃饭，而不是按劳动分配；工分只占社员所得的百分之三十。存粮吃完之前大家敞开吃饭，劳动与报酬之间的联系被削弱了。",

  ["policy.general_line.name"] = "总路线",
  ["policy.general_line.desc"] = "1958年5月由党的八大二次会议通过：“鼓足干劲，力争上游，多快好省地建设社会主义。”总路线使各级干部承受压力，竞相许诺越来越高的产量。",

  ["policy.grain_exports.name"] = "粮食出口",
  ["policy.grain_exports.desc"] = "1950年至1960年，中国每年都是粮食净出口国，部分出口用于偿还苏联贷款。1958年粮食净出口约270万吨，1959年增至约420万吨，而此时农村的饥荒正在蔓延。",

  ["policy.granaries_closed.name"] = "国家粮仓不开",
  ["policy.granaries_closed.desc"] = "1959年，饥荒的消息传到中央，国家粮仓却没有向灾区开放。缺粮的报告被斥为不实，“富裕中农”和生产队被指责瞒产私分。",

  ["policy.household_quotas.name"] = "包产到户",
  ["policy.household_quotas.desc"] = "由农户承包生产指标，超产部分归自己所有。它始于1961年3月曾希圣在安徽推行的“责任田”，在安徽全省及其他一些地方推开，1962年受到批判；直到1978年以后的改革才成为全国政策。",

  ["policy.industrial_recruitment.name"] = "招收农民进城做工",
  ["policy.industrial_recruitment.desc"] = "1958年起，数以百万计的农民被招进工厂、矿山和工地，每一个新增的城镇居民都要靠从农村征购的粮食来供应。1957年城镇人口约9950万；即使在连续几年精简遣返之后，1962年城镇人口仍有约1.17亿。",

  ["policy.mess_halls.name"] = "公共食堂",
  ["policy.mess_halls.desc"] = "公社化的同时办起了公共食堂：到1958年底，全国约有345万个食堂，在食堂吃饭的人占农村人口的百分之九十以上。存粮吃完之前大家敞开吃饭；粮食吃光后，已交出自家存粮和铁锅的农户便无路可退。",

  ["policy.open_granaries.name"] = "开仓放粮",
  ["policy.open_granaries.desc"] = "历史并未走这条路。这一设想是向灾区打开国家粮仓，并按农民手中实际的存粮，而不是按浮夸的产量报告来确定救济。",

  ["policy.private_plots_abolished.name"] = "取消自留地",
  ["policy.private_plots_abolished.desc"] = "1958年公社化时，农民的自留地被收回，农村集市也被关闭。农户吃的蔬菜、猪肉和禽蛋原本出自自留地。",

  ["policy.private_plots_restored.name"] = "恢复自留地",
  ["policy.private_plots_restored.desc"] = "1961年1月八届九中全会之后的紧急措施之一：自留地还给农民，农村集市重新开放，农户又能在集体之外自种或购买食物。",

  ["policy.rising_quotas.name"] = "层层加码的征购",
  ["policy.rising_quotas.desc"] = "粮食征购指标依据浮夸的产量报告制定，地方干部为了向“卫星”看齐又层层加码。征购占产量的比例从1958年的约四分之一升至1959年的三分之一以上，许多地方连种子粮和口粮也被征走。",

  ["policy.send_workers_home.name"] = "精简职工回乡",
  ["policy.send_workers_home.desc"] = "1961年起，大跃进中招收的职工被陆续遣返农村，以减少吃国家供应粮的人数。1962年城镇人口仍有约1.17亿。",

  ["policy.sideline_occupations.name"] = "恢复家庭副业",
  ["policy.sideline_occupations.desc"] = "1961年的紧急措施之一：重新允许农民从事饲养、手工等家庭副业，在集体之外增加食物和收入。",

  ["policy.smaller_communes.name"] = "缩小公社规模",
  ["policy.smaller_communes.desc"] = "1961年起，规模庞大的公社被划小：约2.4万个公社分成约7.4万个，使人们的所得与身边人的劳动联系得更紧。人民公社本身一直存在到1983年。",

  ["policy.sparrow_campaign.name"] = "消灭麻雀",
  ["policy.sparrow_campaign.desc"] = "1958年起，全民动员“除四害”，即消灭老鼠、麻雀、苍蝇和蚊子。人们轰赶麻雀，直到它们力竭坠地；吃虫的鸟少了，田间害虫随之增多。",

  ["policy.verify_harvests.name"] = "核实产量",
  ["policy.verify_harvests.desc"] = "历史并未走这条路。这一设想是按检查组实地核实的产量征购粮食，而不是按干部在政治压力下上报的数字。",

  ["policy.water_conservancy.name"] = "群众性大兴水利",
  ["policy.water_conservancy.desc"] = "1957至1958年冬起，大批农民被动员修建水坝、水库和堤防，依靠的是群众运动而不是工程技术人员。这些工程每年冬天都从村里抽走大量劳力，其中许多后来垮塌失效。",

  -- 事件
  ["event.anti_concealment.title"] = "反瞒产运动（1959年2月）",
  ["event.anti_concealment.text"] = "1959年2月，毛泽东肯定并转发了赵紫阳关于广东雷南县查出“瞒产”粮食的报告，“反瞒产私分”运动随即在全国展开。粮食短缺被归咎于农民私藏，搜查把农民仅剩的粮食连同种子粮一并拿走。",
  ["event.anti_concealment.option.search_for_hidden_grain"] = "挨村搜查私藏的粮食",
  ["event.anti_concealment.option.believe_the_peasants"] = "承认农民确实没有余粮",

  ["event.anti_right.title"] = "反右倾运动（1959年8月）",
  ["event.anti_right.text"] = "彭德怀倒台后，1959年8月在庐山召开的八届八中全会发动了反对“右倾机会主义”的斗争。对大跃进提出疑问的人遭到批判，三百多万党员受到整肃或处分。1959年上半年对大跃进过火做法的初步纠正就此中断。",
  ["event.anti_right.option.launch_the_struggle"] = "在全党开展反右倾斗争",
  ["event.anti_right.option.keep_it_at_lushan"] = "把问题限于庐山会议",

  ["event.beidaihe_steel.title"] = "北戴河会议的钢铁指标（1958年8月）",
  ["event.beidaihe_steel.text"] = "1958年8月，北戴河政治局扩大会议把当年的钢产量指标定为1070万吨，比1957年的535万吨翻了一番。而到那时，当年只炼出约400万吨钢。要在剩下的几个月里完成指标，就得动员全国上下。",
  ["event.beidaihe_steel.option.backyard_furnaces"] = "每个公社都建土高炉",
  ["event.beidaihe_steel.option.modern_plants_only"] = "依靠现代化钢铁厂",

  ["event.cadres_replaced.title"] = "目睹饥荒的干部",
  ["event.cadres_replaced.text"] = "本省和各地一样，一些党员干部亲眼看到了农村的苦难。在全国，有的这样的干部自杀了，有的被撤换，接替他们的干部则毫无顾忌。",
  ["event.cadres_replaced.option.replace_them"] = "换上更积极的干部",
  ["event.cadres_replaced.option.hear_them_out"] = "听听他们看到的情况",

  ["event.chayashan.title"] = "河南遂平的“卫星”大社（1958年）",
  ["event.chayashan.text"] = "在河南遂平县，几个合作社合并为一个约9400户的大社，后来称为“卫星”人民公社。毛泽东对河南一份关于“人民公社”的报告大加赞赏，各地干部纷纷赶着效仿。",
  ["event.chayashan.option.hail_as_model"] = "把它树为全国的榜样",
  ["event.chayashan.option.wait_and_see"] = "先观察一段时间再说",

  ["event.close_planting.title"] = "密植（1958年）",
  ["event.close_planting.text"] = "公社要求播种密度远超常规，依据的是源自苏联农学家李森科的观点，即同类植物之间不会相互竞争。这一做法由上而下推行；过密的秧苗多耗了种子，却并未增产。",
  ["event.close_planting.option.promote"] = "在各公社推广密植",
  ["event.close_planting.option.ask_agronomists"] = "先请农学家进行试验",

  ["event.communes_are_good.title"] = "“人民公社好”（1958年8月）",
  ["event.communes_are_good.text"] = "1958年8月6日，毛泽东视察河南新乡七里营人民公社；8月9日，他在山东说“还是办人民公社好”。同月，北戴河政治局扩大会议决定在全国普遍建立人民公社；据当时的官方说法，到12月已有1.2亿多户、占总数百分之九十九的农户加入了公社。自留地被收回，农村集市关闭，公共食堂纷纷办起。",
  ["event.communes_are_good.option.communes_everywhere"] = "在全国普遍建立公社",
  ["event.communes_are_good.option.keep_cooperatives"] = "保留现有的合作社",

  ["event.dams_give_way.title"] = "雨季垮坝",
  ["event.dams_give_way.text"] = "本省靠群众突击修建、缺乏工程技术的水坝和堤防在雨季纷纷垮塌。下游的农田和村庄被淹，一冬的劳动付诸东流。",
  ["event.dams_give_way.option.blame_saboteurs"] = "归咎于破坏分子，继续修建",
  ["event.dams_give_way.option.call_the_engineers"] = "请工程师重修这些工程",

  ["event.deep_ploughing_praise.title"] = "深翻土地（1958年秋）",
  ["event.deep_ploughing_praise.text"] = "1958年5月，毛泽东称赞了河南长葛县深翻土地的做法。7月，农业部在长葛召开深翻土地现场会；8月，中共中央发出关于深耕和改良土壤的指示。这年秋天，全国各地都要把土地翻得远深于常规，肥沃的表土被埋到了下面。",
  ["event.deep_ploughing_praise.option.promote_nationwide"] = "在全国推广深翻土地",
  ["event.deep_ploughing_praise.option.field_trials_only"] = "只在试验田里试行",

  ["event.five_meals.title"] = "一天吃五顿（1958年秋）",
  ["event.five_meals.text"] = "各地报来的丰收让毛泽东大受鼓舞，他鼓励农民一天吃五顿而不是三顿，还鼓励多生孩子。公社里实行“按需”吃饭，工分只占社员所得的百分之三十。许多食堂的存粮远没等到下一季收获就吃光了。",
  ["event.five_meals.option.eat_your_fill"] = "让公共食堂敞开供应",
  ["event.five_meals.option.keep_work_points"] = "口粮仍按工分分配",

  ["event.foreign_aid.title"] = "来自国外的援助（1960年）",
  ["event.foreign_aid.text"] = "饥荒蔓延之际，中国仍是粮食净出口国，并拒绝外国援助，为的是保全面子，向世界显示大跃进的成功。大规模从国外购粮直到1961年才开始。",
  ["event.foreign_aid.option.refuse"] = "拒绝一切外国援助",
  ["event.foreign_aid.option.accept_help"] = "接受援助，立即进口粮食",

  ["event.four_pests.title"] = "除四害（1958年春）",
  ["event.four_pests.text"] = "1958年，毛泽东号召全民动员，连五岁的孩子也要参加，消灭老鼠、麻雀、苍蝇和蚊子这“四害”。打麻雀的高潮在1958年3月和4月：麻雀被指偷吃粮食，人们轰赶麻雀，直到它们力竭坠地；打麻雀最多的人被表彰为模范。",
  ["event.four_pests.option.include_sparrows"] = "把麻雀列入四害",
  ["event.four_pests.option.spare_sparrows"] = "不把麻雀列入四害",

  ["event.furnace_fuel.title"] = "为土高炉找燃料（1958年秋）",
  ["event.furnace_fuel.text"] = "为了给土高炉供应燃料，农村的树木被大片砍伐，农民家里的门板和家具也被拿去烧。锅碗瓢盆等金属器物被当作“废铁”征收，以完成指标。没了铁锅的农户只能依赖公共食堂。",
  ["event.furnace_fuel.option.requisition_everything"] = "向农户征收木料和铁器",
  ["event.furnace_fuel.option.spare_households"] = "不动农户的锅灶和家具",

  ["event.furnaces_abandoned.title"] = "土高炉熄火（1959年初）",
  ["event.furnaces_abandoned.text"] = "土高炉炼出的大多是又脆又杂的生铁块，几乎没有经济价值。1958年12月武昌会议以后，这场运动没有公开收场，而是逐步收缩；到1959年春，多数土高炉已经熄火。",
  ["event.furnaces_abandoned.option.let_them_lapse"] = "让土高炉悄悄停下来",
  ["event.furnaces_abandoned.option.keep_going"] = "让炉火继续烧下去",

  ["event.general_line.title"] = "总路线（1958年5月）",
  ["event.general_line.text"] = "1958年5月5日至23日，党的八大二次会议通过了“鼓足干劲，力争上游，多快好省地建设社会主义”的总路线。它成为大跃进的口号。",
  ["event.general_line.option.adopt"] = "通过总路线",
  ["event.general_line.option.moderate_pace"] = "保持较为稳妥的步伐",

  ["event.grain_exports.title"] = "本年度粮食出口计划",
  ["event.grain_exports.text"] = "国家每年都要决定向国外出售多少粮食，其中一部分用于偿还苏联贷款。1950年至1960年，中国每年都是粮食净出口国；就在饥荒蔓延之际，净出口仍从1958年的约270万吨增至1959年的约420万吨。这些粮食来自对农村的征购。",
  ["event.grain_exports.option.export_as_planned"] = "按计划出口粮食",
  ["event.grain_exports.option.export_what_can_be_spared"] = "只出口能匀出来的粮食",
  ["event.grain_exports.option.stop_exports"] = "完全停止粮食出口",

  ["event.grain_imports.title"] = "从加拿大和澳大利亚进口粮食（1961年）",
  ["event.grain_imports.text"] = "1961年初，中国开始从国外购买粮食：先从澳大利亚，2月又以现汇从加拿大购粮；同年晚些时候，加拿大又同意以赊销方式长期供应小麦。1961年中国成为粮食净进口国。进口粮食主要缓解了沿海城市的短缺。",
  ["event.grain_imports.option.buy_abroad"] = "从国外购买粮食",
  ["event.grain_imports.option.no_imports"] = "不进口粮食",

  ["event.granaries.title"] = "国家粮仓（1959年底）",
  ["event.granaries.text"] = "到1959年底，关于饥荒的报告不断传到中央。毛泽东拒绝开仓放粮：缺粮的报告被斥为不实，“富裕中农”和生产队被指责瞒产私分。粮食仍源源不断地运往城市和国外。",
  ["event.granaries.option.keep_them_closed"] = "粮仓继续关闭",
  ["event.granaries.option.open_the_granaries"] = "向灾区开仓放粮",

  ["event.harvest_claims.title"] = "浮夸的粮食产量（1958年冬）",
  ["event.harvest_claims.text"] = "1958年11月28日至12月10日在武昌召开的中共八届六中全会宣布，当年粮食产量为7500亿斤（3.75亿吨）；1959年8月这一数字降为5000亿斤（2.5亿吨）。后来的早期官方统计把1958年的产量定为4000亿斤（2亿吨）。粮食征购指标正是按这些浮夸的数字制定的。",
  ["event.harvest_claims.option.accept_and_raise_quotas"] = "接受上报数字并提高征购指标",
  ["event.harvest_claims.option.order_a_recount"] = "下令核实各地产量",

  ["event.hefei_furnace.title"] = "合肥的土高炉（1958年9月）",
  ["event.hefei_furnace.text"] = "1958年9月，毛泽东在安徽合肥参观了一座据说能炼出优质钢的土高炉。这一说法没有经过检验。这类土高炉炼出的大多是劣质的生铁块。",
  ["event.hefei_furnace.option.praise_it"] = "把这座高炉树为样板",
  ["event.hefei_furnace.option.test_the_steel"] = "先化验炼出的钢",

  ["event.imports_1962.title"] = "继续进口粮食（1962年）",
  ["event.imports_1962.text"] = "1962年，农村缓慢恢复，中国仍是粮食净进口国。进口粮食主要供应城市，减轻了从农村征粮的压力。",
  ["event.imports_1962.option.keep_buying"] = "继续从国外购粮",
  ["event.imports_1962.option.stop_buying"] = "停止购买国外粮食",

  ["event.japan_wheat.title"] = "日本提出提供小麦",
  ["event.japan_wheat.text"] = "据一种说法（记者贝克尔的记述），日本外相曾向外交部长陈毅表示，日本可以不公开地向中国运送10万吨小麦，但遭到拒绝。这一说法尚未得到其他资料的证实。",
  ["event.japan_wheat.option.rebuff"] = "拒绝这一提议",
  ["event.japan_wheat.option.accept"] = "悄悄接受这批小麦",

  ["event.leave_land_fallow.title"] = "撂荒一般耕地（1958年底）",
  ["event.leave_land_fallow.text"] = "1958年底，各地要求把一般耕地撂荒不种，相信把肥料和劳力集中到最肥沃的田地上，那里的增产足以弥补损失。预期的高产并未出现，粮食播种面积却缩小了。",
  ["event.leave_land_fallow.option.concentrate"] = "集中力量种好高产田",
  ["event.leave_land_fallow.option.sow_every_field"] = "像往常一样种好每块地",

  ["event.drought_1960.title"] = "旱灾与水灾（1960—1961年）",
  ["event.drought_1960.text"] = "北方大旱，其他地方遭受水灾。党后来称之为“三年自然灾害”。那几年的天气确实比往常差，但历史学家认为远不是党所说的那种大灾：1962年，刘少奇本人也说饥荒是“三分天灾，七分人祸”。",
  ["event.drought_1960.option.endure"] = "收成将会受损",
  ["event.locusts.title"] = "田间虫害",
  ["event.locusts.text"] = "麻雀被大量捕杀后，原本被它们吃掉的昆虫在本省田间大量繁殖。许多记述提到成群的蝗虫毁坏庄稼，但虫灾的规模缺乏可靠的记录。",
  ["event.locusts.option.fight_them_by_hand"] = "发动群众人工灭虫",
  ["event.locusts.option.end_the_sparrow_campaign"] = "停止消灭麻雀运动",

  ["event.lushan.title"] = "庐山会议（1959年7月）",
  ["event.lushan.text"] = "庐山会议期间，国防部长彭德怀致信毛泽东，陈述农村的真实情况和大跃进中的过火做法。毛泽东把这封信视为进攻。支持彭德怀的黄克诚、张闻天、周小舟随他一起被打倒；彭德怀被指责破坏社会主义，国防部长一职由林彪接任。庐山会议之后，很少有人再敢质疑毛泽东的判断。",
  ["event.lushan.option.purge_peng"] = "批判并撤换彭德怀",
  ["event.lushan.option.listen_to_peng"] = "听取彭德怀的意见",

  ["event.manchuria_steelworks.title"] = "东北的钢铁厂（1959年1月）",
  ["event.manchuria_steelworks.text"] = "据一种说法（毛泽东的私人医生李志绥的回忆），1959年1月，毛泽东在东北参观一家钢铁厂时了解到，好钢只有在使用煤炭等可靠燃料的大型工厂里才能炼出，但他决定不叫停土高炉，以免挫伤群众的积极性。",
  ["event.manchuria_steelworks.option.keep_the_furnaces"] = "让土高炉继续生产",
  ["event.manchuria_steelworks.option.halt_the_furnaces"] = "叫停土高炉",

  ["event.ninth_plenum.title"] = "八届九中全会（1961年1月）",
  ["event.ninth_plenum.text"] = "1961年1月14日至18日，中共八届九中全会通过了“调整、巩固、充实、提高”的方针。人民公社保留下来，但被划小；自留地、农村集市和家庭副业得到恢复，大跃进的耕作方法被放弃。公共食堂直到1961年年中修订《农村人民公社工作条例》（六十条）以后才解散。",
  ["event.ninth_plenum.option.adjust_and_consolidate"] = "实行调整方针",
  ["event.ninth_plenum.option.stay_the_course"] = "继续坚持大跃进",

  ["event.one_third.title"] = "征购“不超过三分之一”（1959年3月）",
  ["event.one_third.text"] = "1959年3月25日，毛泽东在一次党内会议上谈到粮食征购时说，征购只要不超过三分之一，农民就不会造反。饥荒年间国家征购占粮食产量的百分之三十至三十七，而此前一般为百分之二十至二十五；依据1958年浮夸产量制定的征购指标依然有效。",
  ["event.one_third.option.up_to_a_third"] = "征购以三分之一为限",
  ["event.one_third.option.lower_the_quotas"] = "降低征购指标",

  ["event.overtake_britain.title"] = "超过英国（1958年6月）",
  ["event.overtake_britain.text"] = "1957年，毛泽东提出在十五年内在钢产量上超过英国。1958年6月，他听说钢产量可以翻一番，便说只要两三年就能做到。这个目标推动了8月北戴河会议通过的1070万吨钢铁指标，即1957年产量的两倍。",
  ["event.overtake_britain.option.three_years"] = "力争两三年超过英国",
  ["event.overtake_britain.option.fifteen_years"] = "坚持十五年的目标",

  ["event.peoples_daily_photo.title"] = "《人民日报》上的一张照片（1958年）",
  ["event.peoples_daily_photo.text"] = "为打消农民对新方法的疑虑，《人民日报》刊登了一张照片：几个孩子躺在据说用新方法种出的稻子上，稻子密得仿佛能托住他们。这张照片是伪造的。",
  ["event.peoples_daily_photo.option.publish"] = "刊登这张照片",
  ["event.peoples_daily_photo.option.withhold"] = "不刊登这张照片",

  ["event.seven_thousand.title"] = "七千人大会（1962年1月）",
  ["event.seven_thousand.text"] = "1962年1月11日至2月7日，七千多名干部在北京开会，总结大跃进的经验教训。刘少奇把灾难归结为“三分天灾，七分人祸”，毛泽东作了自我批评。党的威信已经严重受损。",
  ["event.seven_thousand.option.self_criticism"] = "作自我批评",
  ["event.seven_thousand.option.blame_the_weather"] = "归咎于天灾",

  ["event.shandong_riots.title"] = "山东的饥荒（1959年春）",
  ["event.shandong_riots.text"] = "庐山会议召开前几个月，山东已经在挨饿。据杨继绳根据该省档案所作的记述，1959年1月至4月共统计出浮肿病人839,925人（这一数字可能只是济宁专区的），赵健民后来估计，从1958年冬到1960年上半年，全省非正常死亡65万人，外流109万人。",
  ["event.shandong_riots.option.suppress"] = "当作闹事处理，继续征购",
  ["event.shandong_riots.option.send_relief_grain"] = "向农村发放救济粮",

  ["event.sichuan_transfers.title"] = "四川粮食外调（1959至1961年）",
  ["event.sichuan_transfers.text"] = "在省委第一书记李井泉主政下，四川奉命向外省和城市大量调出粮食；就在本省农村饿死人的同时，仍完成了大部分调粮任务。据历史学家曹树基估计，1958年至1962年四川非正常死亡940万人，占饥荒前全省人口的百分之十三。",
  ["event.sichuan_transfers.option.send_the_grain"] = "把粮食调出省外",
  ["event.sichuan_transfers.option.keep_it_in_sichuan"] = "把粮食留在四川",

  ["event.soviet_experts.title"] = "苏联专家撤走（1960年）",
  ["event.soviet_experts.text"] = "1960年，随着中苏关系破裂，在华工作的苏联专家被撤回。中国只能独自继续进行工业建设项目。",
  ["event.soviet_experts.option.self_reliance"] = "自力更生，继续前进",

  ["event.sparrows_spared.title"] = "麻雀从“四害”中除名（1960年）",
  ["event.sparrows_spared.text"] = "1960年，科学家指出麻雀除了吃粮食也吃害虫，麻雀随后从“四害”名单中除去。针对其他几害的运动仍在继续。",
  ["event.sparrows_spared.option.take_them_off_the_list"] = "把麻雀从名单中除去",
  ["event.sparrows_spared.option.keep_the_campaign"] = "继续消灭麻雀",

  ["event.sputnik_yields.title"] = "放“卫星”（1958年夏）",
  ["event.sputnik_yields.text"] = "从1958年6月起，《人民日报》不断报道越来越高的“卫星”产量，这一说法取自苏联的人造卫星。6月8日，该报报道河南遂平县一个农业社小麦亩产2105斤；到9月下旬，广西环江县一个公社宣称水稻亩产130435斤。在上级的压力下，各地干部竞相虚报，浮夸风愈演愈烈。",
  ["event.sputnik_yields.option.celebrate"] = "庆祝高产纪录",
  ["event.sputnik_yields.option.send_inspectors"] = "派人核查这些数字",

  ["event.statistics_destroyed.title"] = "销毁统计资料",
  ["event.statistics_destroyed.text"] = "在人口明显减少的地方，当局下令销毁统计资料。在本省，死亡记录同样面临被抹去的危险。",
  ["event.statistics_destroyed.option.destroy_them"] = "销毁人口记录",
  ["event.statistics_destroyed.option.report_the_truth"] = "如实上报数字",

  ["event.urgent_letter.title"] = "紧急指示信（1960年11月）",
  ["event.urgent_letter.text"] = "1960年11月，中共中央发出《关于农村人民公社当前政策问题的紧急指示信》，开始纠正大跃进中公社化的过火做法；粮食重新以按劳分配为主。",
  ["event.urgent_letter.option.issue_the_letter"] = "发出紧急指示信",
  ["event.urgent_letter.option.stay_the_course"] = "继续坚持大跃进",

  ["event.water_conservancy_drive.title"] = "兴修水利运动（1957至1958年冬）",
  ["event.water_conservancy_drive.text"] = "1957年至1958年冬，农闲的农民被动员起来修建水坝、水库和堤防。工程师被斥为不切实际的书呆子，几乎没有发言权；工程靠的是群众劳动和革命热情。男人们上了水利工地，妇女便顶替他们下田劳动。",
  ["event.water_conservancy_drive.option.mobilise_masses"] = "发动群众兴修水利",
  ["event.water_conservancy_drive.option.engineers_first"] = "由工程师规划少而稳妥的工程",

  ["event.xinyang.title"] = "信阳事件（1959至1960年）",
  ["event.xinyang.text"] = "1959年10月至1960年4月，在河南信阳地区，当地政府为完成征购任务拿走了农民的粮食，并阻止农民外出逃荒。在这个约有850万人口的地区，约一百万人死亡。",
  ["event.xinyang.option.meet_the_quota"] = "不惜代价完成征购任务",
  ["event.xinyang.option.stop_the_seizures"] = "停止征粮并发放救济",

  ["event.xinyang_relief.title"] = "军队进驻信阳（1961年初）",
  ["event.xinyang_relief.text"] = "据记者贝克尔（Jasper Becker）记述，1961年初约三万名军人进驻信阳，打开国家粮仓，发放粮食和冬衣，并逮捕了地区领导人。",
  ["event.xinyang_relief.option.send_the_army"] = "派军队进驻信阳",
  ["event.xinyang_relief.option.leave_it_to_the_province"] = "交由省里处理",
  ["policy.team_accounting.name"] = "生产队为基本核算单位",
  ["policy.team_accounting.desc"] = "1962年起，由二三十户组成的生产队取代公社成为基本核算单位：一家人的所得重新与邻里的劳动挂钩。人民公社本身一直存在到1983年。",
  ["event.sixty_articles.title"] = "公共食堂解散，1961年6月",
  ["event.sixty_articles.text"] = "1961年5月至6月，修订后的《农村人民公社工作条例》（六十条）规定办不办食堂由社员决定。各地食堂纷纷解散，农户重新在家做饭。",
  ["event.sixty_articles.option.close_the_mess_halls"] = "让食堂解散",
  ["event.sixty_articles.option.keep_the_mess_halls"] = "保留食堂",
  ["event.team_accounting.title"] = "以生产队为核算单位，1962年",
  ["event.team_accounting.text"] = "1962年2月，中央决定以生产队而不是公社或大队为基本核算单位，由生产队记账并分配收成。",
  ["event.team_accounting.option.accounts_to_the_team"] = "核算下放到生产队",
  ["event.team_accounting.option.accounts_stay_with_the_commune"] = "核算仍归公社",
  ["event.ration_cut_1960.title"] = "压低口粮标准，1960年9月",
  ["event.ration_cut_1960.text"] = "1960年9月7日，中共中央发出压低农村和城市口粮标准的指示。李先念在电话会议上说，全国城市人口平均每人每月29.5斤的标准要再压2斤。",
  ["event.ration_cut_1960.option.cut_the_rations"] = "压低城市口粮",
  ["event.ration_cut_1960.option.keep_the_rations"] = "维持城市口粮",
  ["event.hunan_leadership.title"] = "湖南省委书记随彭德怀落马，1959年",
  ["event.hunan_leadership.text"] = "湖南省委第一书记周小舟在庐山会议上支持彭德怀，随他一起被打倒。继任的张平化继续推行大跃进。",
  ["event.hunan_leadership.option.replace_zhou_xiaozhou"] = "撤换周小舟",
  ["event.hunan_leadership.option.keep_zhou_xiaozhou"] = "留任周小舟",
  ["event.gansu_leadership.title"] = "甘肃省委书记被撤职，1960年12月",
  ["event.gansu_leadership.text"] = "通渭县等地饿死人的情况暴露后，中央撤销了甘肃省委第一书记张仲良的职务。",
  ["event.gansu_leadership.option.remove_zhang_zhongliang"] = "撤销张仲良的职务",
  ["event.gansu_leadership.option.keep_zhang_zhongliang"] = "留任张仲良",
  ["event.anhui_responsibility_fields.title"] = "安徽的责任田，1961年3月",
  ["event.anhui_responsibility_fields.text"] = "1961年3月，安徽省委第一书记曾希圣允许农户耕种“责任田”，超产部分归自己。这一做法在全省推开，1962年受到批判，从未成为全国政策。",
  ["event.anhui_responsibility_fields.option.responsibility_fields"] = "允许责任田",
  ["event.anhui_responsibility_fields.option.collective_fields_only"] = "坚持集体耕种",
}
